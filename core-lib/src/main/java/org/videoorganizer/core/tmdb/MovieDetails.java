package org.videoorganizer.core.tmdb;

import java.time.LocalDate;
import java.util.List;

/**
 * A film with the appended objects the matcher reads.
 *
 * @param runtime minutes, or null when unknown
 * @param alternativeTitles every alternative title, all countries
 * @param translatedTitles every non-empty translated title
 * @param releaseDates every dated release (premieres, re-releases, digital, physical, TV)
 * @param directors names of the crew members whose job is Director
 */
public record MovieDetails(
    long id,
    String title,
    String originalTitle,
    String originalLanguage,
    LocalDate releaseDate,
    Integer runtime,
    String imdbId,
    double popularity,
    List<Integer> genreIds,
    List<String> alternativeTitles,
    List<String> translatedTitles,
    List<LocalDate> releaseDates,
    List<String> directors) {

  public MovieDetails {
    genreIds = List.copyOf(genreIds);
    alternativeTitles = List.copyOf(alternativeTitles);
    translatedTitles = List.copyOf(translatedTitles);
    releaseDates = List.copyOf(releaseDates);
    directors = List.copyOf(directors);
  }

  /** The primary release year, or null. */
  public Integer year() {
    return releaseDate == null ? null : releaseDate.getYear();
  }
}
