package org.videoorganizer.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed into the review search: a title (and year), a TMDB id or URL, or an IMDb
 * id or URL. {@link #parse} tells them apart.
 */
public sealed interface Lookup {

  /** A title search; {@code kind} is movie, tv or any; {@code year} may be null. */
  record Title(String text, Integer year, String kind) implements Lookup {}

  /** A TMDB id of a film or a show. */
  record TmdbId(String kind, long id) implements Lookup {}

  /** An IMDb id such as tt0133093. */
  record ImdbId(String id) implements Lookup {}

  // Matches: https://www.themoviedb.org/movie/603-the-matrix, themoviedb.org/tv/1399, tmdb:movie/603
  // Not: https://example.org/movie/603
  Pattern TMDB_URL = Pattern.compile("(?:https?://)?(?:www\\.)?(?:themoviedb\\.org/|tmdb:)(movie|tv)/(\\d{1,10})\\b.*");
  // Matches: tt0133093, https://www.imdb.com/title/tt0133093/, imdb.com/title/tt0944947?ref=x
  // Not: tt12 (too short), att0133093
  Pattern IMDB = Pattern.compile("(?:(?:https?://)?(?:www\\.|m\\.)?imdb\\.com/title/)?(tt\\d{7,10})\\b.*");

  /**
   * Reads the search box. {@code kind} is movie, tv or any; a bare number is a TMDB id of that
   * kind (of a film when any).
   */
  static Lookup parse(String typed, Integer year, String kind) {
    String text = typed == null ? "" : typed.strip();
    String k = kind == null || kind.isBlank() ? "any" : kind.strip().toLowerCase(Locale.ROOT);
    if (!k.equals("movie") && !k.equals("tv") && !k.equals("any")) {
      throw WebProblem.badRequest("kind must be movie, tv or any, got '" + kind + "'");
    }
    if (text.isEmpty()) {
      throw WebProblem.badRequest("type a title, a TMDB id or URL, or an IMDb id or URL");
    }
    if (text.length() > 300) {
      throw WebProblem.badRequest("a search has at most 300 characters, got " + text.length());
    }
    Matcher m = TMDB_URL.matcher(text);
    if (m.matches()) {
      return new TmdbId(m.group(1), Long.parseLong(m.group(2)));
    }
    m = IMDB.matcher(text);
    if (m.matches()) {
      return new ImdbId(m.group(1));
    }
    if (text.matches("\\d{1,10}")) {
      return new TmdbId(k.equals("tv") ? "tv" : "movie", Long.parseLong(text));
    }
    return new Title(text, year, k);
  }
}
