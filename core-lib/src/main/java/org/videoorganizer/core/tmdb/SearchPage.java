package org.videoorganizer.core.tmdb;

import java.util.List;

/** One page (20 results at most) of a search answer. */
public record SearchPage<T>(int page, List<T> results, int totalPages, int totalResults) {

  public SearchPage {
    results = List.copyOf(results);
  }

  /** True when TMDB has more pages after this one. */
  public boolean hasMore() {
    return page < totalPages;
  }
}
