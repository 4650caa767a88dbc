package org.videoorganizer.core.tmdb;

import java.util.List;

/** The image base URL and sizes: an image URL is secureBaseUrl + size + file path. */
public record TmdbConfiguration(String secureBaseUrl, List<String> posterSizes, List<String> stillSizes) {

  public TmdbConfiguration {
    posterSizes = List.copyOf(posterSizes);
    stillSizes = List.copyOf(stillSizes);
  }
}
