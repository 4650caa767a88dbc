package org.videoorganizer.core.match;

import java.util.List;

/**
 * What a video is on TMDB: a film, a show, or episodes of a show. Values TMDB does not give are
 * null (single values) or empty (lists).
 *
 * @param title the TMDB title (films) or name (shows)
 * @param year the primary release year or the year of the first air date
 * @param season the aired season, or null for films and whole shows
 * @param episodes the aired episode numbers in that season (more than one for multi-episode files)
 * @param episodeTitle the name of the first episode
 */
public record Identity(
    Kind kind,
    long tmdbId,
    String title,
    String originalTitle,
    Integer year,
    Integer season,
    List<Integer> episodes,
    String episodeTitle,
    String imdbId,
    Long tvdbId) {

  /** Film or show. */
  public enum Kind {
    MOVIE,
    TV;

    /** {@code movie} or {@code tv}, as TMDB writes it. */
    public String tmdbName() {
      return this == MOVIE ? "movie" : "tv";
    }
  }

  public Identity {
    if (kind == null) {
      throw new IllegalArgumentException("identity kind must not be null");
    }
    episodes = List.copyOf(episodes == null ? List.of() : episodes);
  }

  /** The first episode number, or null. */
  public Integer episode() {
    return episodes.isEmpty() ? null : episodes.get(0);
  }

  /** A copy naming one season and its episodes. */
  public Identity withEpisodes(Integer season, List<Integer> episodes, String episodeTitle) {
    return new Identity(kind, tmdbId, title, originalTitle, year, season, episodes, episodeTitle, imdbId, tvdbId);
  }

  /** A copy with the external ids. */
  public Identity withExternalIds(String imdbId, Long tvdbId) {
    return new Identity(kind, tmdbId, title, originalTitle, year, season, episodes, episodeTitle, imdbId, tvdbId);
  }
}
