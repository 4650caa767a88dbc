package org.videoorganizer.core.tmdb;

import java.time.LocalDate;
import java.util.List;

/**
 * A film as search and find answers describe it.
 *
 * @param releaseDate the primary release date, or null when TMDB has none ("")
 */
public record MovieSummary(
    long id,
    String title,
    String originalTitle,
    String originalLanguage,
    LocalDate releaseDate,
    double popularity,
    List<Integer> genreIds)
    implements SearchHit {

  public MovieSummary {
    genreIds = List.copyOf(genreIds);
  }

  /** The primary release year, or null. */
  public Integer year() {
    return releaseDate == null ? null : releaseDate.getYear();
  }
}
