package org.videoorganizer.core.match;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.videoorganizer.core.tmdb.MovieDetails;
import org.videoorganizer.core.tmdb.MovieSummary;

/**
 * Scores a film against the file: the best title likeness over its title, original title and
 * (once fetched) alternative and translated titles, times a year factor (exact 1, one year off
 * 0.87, two 0.7, more 0.4, unknown 0.8; no year in the file 0.92 for everyone), times a runtime
 * factor when the file's duration and the film's runtime are both known.
 */
final class MovieRanker {

  private MovieRanker() {}

  static Candidate score(List<String> fileKeys, Integer fileYear, Duration duration, MovieSummary m) {
    double title = Math.max(TitleSimilarity.of(fileKeys, m.title()), TitleSimilarity.of(fileKeys, m.originalTitle()));
    String which = TitleSimilarity.of(fileKeys, m.title()) >= title ? "title" : "original title";
    return candidate(identity(m), title, which, fileYear, m.year(), duration, null);
  }

  static Candidate score(List<String> fileKeys, Integer fileYear, Duration duration, MovieDetails d) {
    double title = TitleSimilarity.of(fileKeys, d.title());
    String which = "title";
    double original = TitleSimilarity.of(fileKeys, d.originalTitle());
    if (original > title) {
      title = original;
      which = "original title";
    }
    for (String alt : names(d)) {
      double s = TitleSimilarity.of(fileKeys, alt) * 0.99;
      if (s > title) {
        title = s;
        which = "alternative title '" + alt + "'";
      }
    }
    var identity = new Identity(Identity.Kind.MOVIE, d.id(), d.title(), d.originalTitle(), d.year(), null,
        List.of(), null, d.imdbId(), null);
    return candidate(identity, title, which, fileYear, d.year(), duration, d.runtime());
  }

  static Identity identity(MovieSummary m) {
    return new Identity(Identity.Kind.MOVIE, m.id(), m.title(), m.originalTitle(), m.year(), null,
        List.of(), null, null, null);
  }

  private static List<String> names(MovieDetails d) {
    var names = new ArrayList<>(d.alternativeTitles());
    names.addAll(d.translatedTitles());
    return names;
  }

  private static Candidate candidate(Identity identity, double title, String which, Integer fileYear,
      Integer year, Duration duration, Integer runtime) {
    double yearFactor = yearFactor(fileYear, year);
    double runtimeFactor = runtimeFactor(duration, runtime);
    String why = "title " + Decider.fmt(title) + " (" + which + "), year "
        + (fileYear == null ? "not in the name" : fileYear + " vs " + year) + " x" + Decider.fmt(yearFactor)
        + (runtime == null || duration == null ? "" : ", runtime " + runtime + " min vs " + duration.toMinutes() + " min x" + Decider.fmt(runtimeFactor));
    return new Candidate(identity, title * yearFactor * runtimeFactor, why);
  }

  static double yearFactor(Integer fileYear, Integer year) {
    if (fileYear == null) {
      return 0.92;
    }
    if (year == null) {
      return 0.8;
    }
    return switch (Math.abs(fileYear - year)) {
      case 0 -> 1;
      case 1 -> 0.87;
      case 2 -> 0.7;
      default -> 0.4;
    };
  }

  static double runtimeFactor(Duration duration, Integer runtime) {
    if (duration == null || runtime == null || runtime <= 0) {
      return 1;
    }
    double minutes = duration.toSeconds() / 60.0;
    double off = Math.abs(minutes - runtime);
    if (off <= Math.max(5, runtime * 0.08)) {
      return 1;
    }
    return 0.8;
  }
}
