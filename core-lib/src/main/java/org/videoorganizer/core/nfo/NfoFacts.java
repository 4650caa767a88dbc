package org.videoorganizer.core.nfo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Collects what {@link NfoReader} finds; the last value of an element wins, as in Jellyfin. */
final class NfoFacts {

  final StringBuilder outsideText = new StringBuilder();
  private NfoContent.Kind kind;
  private int blocks;
  private String title;
  private String originalTitle;
  private String showTitle;
  private Integer year;
  private Long tmdbId;
  private String imdbId;
  private Long tvdbId;
  private Integer season;
  private final List<Integer> episodes = new ArrayList<>();
  private LocalDate aired;

  void root(String name) {
    blocks++;
    if (kind == null) {
      kind = switch (name.toLowerCase(Locale.ROOT)) {
        case "movie" -> NfoContent.Kind.MOVIE;
        case "tvshow" -> NfoContent.Kind.TVSHOW;
        case "season" -> NfoContent.Kind.SEASON;
        case "episodedetails" -> NfoContent.Kind.EPISODE;
        default -> NfoContent.Kind.UNKNOWN;
      };
    }
  }

  void child(String element, String type, String text) {
    String name = element.toLowerCase(Locale.ROOT);
    if (name.equals("episode") || name.equals("episodenumberend")) {
      integer(text).ifPresent(this::addEpisode);
      return;
    }
    if (blocks > 1) {
      return; // later <episodedetails> blocks only add episode numbers
    }
    switch (name) {
      case "title", "name", "localtitle" -> title = nonBlank(text);
      case "originaltitle" -> originalTitle = nonBlank(text);
      case "showtitle" -> showTitle = nonBlank(text);
      case "year" -> integer(text).filter(y -> y > 1850).ifPresent(y -> year = y);
      case "premiered", "releasedate", "aired" -> date(text);
      case "season", "seasonnumber" -> integer(text).ifPresent(s -> season = s);
      case "uniqueid" -> uniqueId(type, text);
      case "tmdbid" -> tmdb(text);
      case "imdbid", "imdb_id" -> imdb(text);
      case "tvdbid" -> tvdb(text);
      case "id" -> imdb(text);
      default -> { }
    }
  }

  private void uniqueId(String type, String text) {
    switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
      case "tmdb" -> tmdb(text);
      case "imdb" -> imdb(text);
      case "tvdb" -> tvdb(text);
      default -> { }
    }
  }

  void tmdb(String text) {
    longValue(text).ifPresent(v -> tmdbId = v);
  }

  void imdb(String text) {
    String t = text.strip();
    if (t.matches("tt\\d{7,8}")) {
      imdbId = t;
    }
  }

  void tvdb(String text) {
    longValue(text).ifPresent(v -> tvdbId = v);
  }

  boolean hasIds() {
    return tmdbId != null || imdbId != null || tvdbId != null;
  }

  /** A link's kind counts only when the XML gave none. */
  void linkKind(NfoContent.Kind k) {
    if (kind == null || kind == NfoContent.Kind.UNKNOWN) {
      kind = k;
    }
  }

  private void addEpisode(int e) {
    if (!episodes.contains(e)) {
      episodes.add(e);
    }
  }

  private void date(String text) {
    try {
      aired = LocalDate.parse(text.strip().length() >= 10 ? text.strip().substring(0, 10) : text.strip());
      if (year == null) {
        year = aired.getYear();
      }
    } catch (DateTimeParseException ignored) {
      // Jellyfin ignores dates not in yyyy-MM-dd too
    }
  }

  Optional<NfoContent> toContent() {
    boolean useful = title != null || showTitle != null || tmdbId != null || imdbId != null
        || tvdbId != null || !episodes.isEmpty();
    if (!useful) {
      return Optional.empty();
    }
    episodes.sort(null);
    return Optional.of(new NfoContent(kind == null ? NfoContent.Kind.UNKNOWN : kind, title,
        originalTitle, showTitle, year, tmdbId, imdbId, tvdbId, season, episodes, aired));
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Optional<Integer> integer(String s) {
    return longValue(s).filter(v -> v <= Integer.MAX_VALUE).map(Long::intValue);
  }

  private static Optional<Long> longValue(String s) {
    String t = s == null ? "" : s.strip();
    if (!t.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(t));
  }
}
