package org.videoorganizer.web;

/** A person's answer to a review question. */
public sealed interface Answer {

  /** This video is the TMDB film ({@code kind = "movie"}) or show ({@code "tv"}) with this id. */
  record Tmdb(String kind, long tmdbId) implements Answer {
    public Tmdb {
      if (!kind.equals("movie") && !kind.equals("tv")) {
        throw WebProblem.badRequest("kind must be movie or tv, got '" + kind + "'");
      }
      if (tmdbId <= 0) {
        throw WebProblem.badRequest("a TMDB id is a positive number, got " + tmdbId);
      }
    }
  }

  /** File it under {@code Other/} with this title (and year, may be null). */
  record Other(String title, Integer year) implements Answer {
    public Other {
      if (title == null || title.isBlank()) {
        throw WebProblem.badRequest("a title is needed to file a video under Other");
      }
      if (title.length() > 200) {
        throw WebProblem.badRequest("a title has at most 200 characters, got " + title.length());
      }
    }
  }

  /** Not now: the question stays, sorted after the others. */
  record Skip() implements Answer {}

  /** Never organize this file; it stays where it is. */
  record Ignore() implements Answer {}
}
