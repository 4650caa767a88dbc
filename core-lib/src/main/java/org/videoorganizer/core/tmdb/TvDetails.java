package org.videoorganizer.core.tmdb;

import java.time.LocalDate;
import java.util.List;

/**
 * A show with its seasons and the appended objects the matcher reads.
 *
 * @param tvdbId the TVDB id from external_ids, or null
 * @param imdbId the IMDb id from external_ids, or null
 */
public record TvDetails(
    long id,
    String name,
    String originalName,
    String originalLanguage,
    LocalDate firstAirDate,
    double popularity,
    List<Integer> genreIds,
    List<Integer> episodeRunTime,
    List<SeasonSummary> seasons,
    List<String> alternativeTitles,
    List<String> translatedTitles,
    String imdbId,
    Long tvdbId,
    List<EpisodeGroupSummary> episodeGroups) {

  public TvDetails {
    genreIds = List.copyOf(genreIds);
    episodeRunTime = List.copyOf(episodeRunTime);
    seasons = List.copyOf(seasons);
    alternativeTitles = List.copyOf(alternativeTitles);
    translatedTitles = List.copyOf(translatedTitles);
    episodeGroups = List.copyOf(episodeGroups);
  }

  /** The year of the first air date, or null. */
  public Integer year() {
    return firstAirDate == null ? null : firstAirDate.getYear();
  }

  /** One season as the show details list it; season 0 holds the specials. */
  public record SeasonSummary(int seasonNumber, String name, LocalDate airDate, int episodeCount) {}
}
