package org.videoorganizer.core.tmdb;

import java.util.List;

/** What {@code /find} returned for an external id; people and seasons are left out. */
public record FindResult(List<MovieSummary> movies, List<TvSummary> shows, List<Episode> episodes) {

  public FindResult {
    movies = List.copyOf(movies);
    shows = List.copyOf(shows);
    episodes = List.copyOf(episodes);
  }

  /** True when nothing was found. */
  public boolean isEmpty() {
    return movies.isEmpty() && shows.isEmpty() && episodes.isEmpty();
  }
}
