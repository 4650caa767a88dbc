package org.videoorganizer.core.tmdb;

import java.time.LocalDate;
import java.util.List;

/**
 * A show as search and find answers describe it.
 *
 * @param firstAirDate the first air date, or null when TMDB has none ("")
 */
public record TvSummary(
    long id,
    String name,
    String originalName,
    String originalLanguage,
    LocalDate firstAirDate,
    double popularity,
    List<Integer> genreIds,
    List<String> originCountry)
    implements SearchHit {

  public TvSummary {
    genreIds = List.copyOf(genreIds);
    originCountry = List.copyOf(originCountry);
  }

  /** The year of the first air date, or null. */
  public Integer year() {
    return firstAirDate == null ? null : firstAirDate.getYear();
  }
}
