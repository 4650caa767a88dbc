package org.videoorganizer.core.naming;

import java.time.LocalDate;
import java.util.List;
import org.videoorganizer.core.parse.ExtraType;
import org.videoorganizer.core.parse.MediaType;
import org.videoorganizer.core.parse.ParsedName;

/**
 * Who a video is, as naming needs it: the input of {@link JellyfinNaming} and of the NFO writer.
 * Parsing gives a first identity ({@link #from(ParsedName)}); a TMDB match may later replace
 * title, year and ids by copy ({@code withX}). Values not known are null, lists are empty.
 *
 * @param kind movie, episode, or other (home videos, clips)
 * @param title movie title, series title for episodes, a plain title for other videos
 * @param season season number of an episode (0 for specials)
 * @param episodes episode numbers in the file, ascending (several for multi-episode files)
 * @param airDate air date, for daily shows named by date; for other videos the day they were taken
 * @param edition edition label of a movie ("Director's Cut")
 * @param part part number of a multi-part video (1 for part1)
 * @param extra kind of extra material, or null for a main video
 * @param extraTitle name of the extra itself ("Making Of"), used when {@code extra} is set
 * @param versionLabel multi-version label ("1080p")
 */
public record MediaIdentity(
    Kind kind,
    String title,
    Integer year,
    Long tmdbId,
    String imdbId,
    Long tvdbId,
    Integer season,
    List<Integer> episodes,
    String episodeTitle,
    LocalDate airDate,
    String edition,
    Integer part,
    ExtraType extra,
    String extraTitle,
    String versionLabel) {

  /** The three top folders of the library. */
  public enum Kind {
    MOVIE,
    EPISODE,
    OTHER
  }

  public MediaIdentity {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null; use Kind.OTHER");
    }
    episodes = episodes == null ? List.of() : List.copyOf(episodes.stream().sorted().distinct().toList());
    title = blankToNull(title);
    if (kind != Kind.OTHER && title == null) {
      throw new IllegalArgumentException("a " + kind + " needs a title; got none (use Kind.OTHER)");
    }
    if (kind == Kind.EPISODE && episodes.isEmpty() && airDate == null) {
      throw new IllegalArgumentException(
          "an episode needs episode numbers or an air date; got season " + season + " and neither");
    }
    checkNonNegative("season", season);
    checkNonNegative("year", year);
    checkNonNegative("part", part);
    for (int e : episodes) {
      checkNonNegative("episode", e);
    }
  }

  /** A movie with a title and (optionally) a year. */
  public static MediaIdentity movie(String title, Integer year) {
    return new MediaIdentity(Kind.MOVIE, title, year, null, null, null, null, List.of(), null,
        null, null, null, null, null, null);
  }

  /** An episode of a series. */
  public static MediaIdentity episode(String series, Integer year, int season, List<Integer> episodes) {
    return new MediaIdentity(Kind.EPISODE, series, year, null, null, null, season, episodes, null,
        null, null, null, null, null, null);
  }

  /** A video that is neither a movie nor an episode. */
  public static MediaIdentity other(String title, Integer year) {
    return new MediaIdentity(Kind.OTHER, title, year, null, null, null, null, List.of(), null,
        null, null, null, null, null, null);
  }

  /**
   * The identity a parsed name gives. A name typed as movie or episode but without a title, or an
   * episode without numbers or date, becomes {@link Kind#OTHER}: naming it as a movie would invent.
   */
  public static MediaIdentity from(ParsedName p) {
    Kind kind = kindOf(p);
    String edition = p.editions().isEmpty() ? null : String.join(" ", p.editions());
    return new MediaIdentity(kind, p.title(), p.year(), p.tmdbId(), p.imdbId(), p.tvdbId(),
        kind == Kind.EPISODE ? seasonOf(p) : null, kind == Kind.EPISODE ? p.episodes() : List.of(),
        kind == Kind.EPISODE ? p.episodeTitle() : null, kind == Kind.MOVIE ? null : p.date(),
        kind == Kind.MOVIE ? edition : null, p.part(), p.extra(), null, null);
  }

  private static Kind kindOf(ParsedName p) {
    boolean titled = blankToNull(p.title()) != null;
    if (p.type() == MediaType.MOVIE && titled) {
      return Kind.MOVIE;
    }
    boolean numbered = !p.episodes().isEmpty() || p.date() != null;
    if (p.type() == MediaType.EPISODE && titled && numbered) {
      return Kind.EPISODE;
    }
    return Kind.OTHER;
  }

  private static Integer seasonOf(ParsedName p) {
    if (p.season() != null) {
      return p.season();
    }
    return p.date() != null && p.episodes().isEmpty() ? null : 1;
  }

  public MediaIdentity withTitle(String v) {
    return new MediaIdentity(kind, v, year, tmdbId, imdbId, tvdbId, season, episodes,
        episodeTitle, airDate, edition, part, extra, extraTitle, versionLabel);
  }

  public MediaIdentity withYear(Integer v) {
    return new MediaIdentity(kind, title, v, tmdbId, imdbId, tvdbId, season, episodes,
        episodeTitle, airDate, edition, part, extra, extraTitle, versionLabel);
  }

  public MediaIdentity withIds(Long tmdb, String imdb, Long tvdb) {
    return new MediaIdentity(kind, title, year, tmdb, imdb, tvdb, season, episodes,
        episodeTitle, airDate, edition, part, extra, extraTitle, versionLabel);
  }

  public MediaIdentity withEpisodeTitle(String v) {
    return new MediaIdentity(kind, title, year, tmdbId, imdbId, tvdbId, season, episodes,
        v, airDate, edition, part, extra, extraTitle, versionLabel);
  }

  public MediaIdentity withAirDate(LocalDate v) {
    return new MediaIdentity(kind, title, year, tmdbId, imdbId, tvdbId, season, episodes,
        episodeTitle, v, edition, part, extra, extraTitle, versionLabel);
  }

  public MediaIdentity withEdition(String v) {
    return new MediaIdentity(kind, title, year, tmdbId, imdbId, tvdbId, season, episodes,
        episodeTitle, airDate, v, part, extra, extraTitle, versionLabel);
  }

  public MediaIdentity withPart(Integer v) {
    return new MediaIdentity(kind, title, year, tmdbId, imdbId, tvdbId, season, episodes,
        episodeTitle, airDate, edition, v, extra, extraTitle, versionLabel);
  }

  public MediaIdentity withExtra(ExtraType type, String name) {
    return new MediaIdentity(kind, title, year, tmdbId, imdbId, tvdbId, season, episodes,
        episodeTitle, airDate, edition, part, type, name, versionLabel);
  }

  public MediaIdentity withVersionLabel(String v) {
    return new MediaIdentity(kind, title, year, tmdbId, imdbId, tvdbId, season, episodes,
        episodeTitle, airDate, edition, part, extra, extraTitle, v);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static void checkNonNegative(String name, Integer value) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(name + " must not be negative; got " + value);
    }
  }
}
