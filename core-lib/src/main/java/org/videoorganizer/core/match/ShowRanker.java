package org.videoorganizer.core.match;

import java.util.ArrayList;
import java.util.List;
import org.videoorganizer.core.tmdb.TvDetails;
import org.videoorganizer.core.tmdb.TvSummary;

/**
 * Scores a show against the file: the best title likeness over its name, original name and
 * (once fetched) alternative and translated names, times a year factor on the first air date
 * (exact 1, one year off 0.87, more 0.4; no year in the file 0.92 for everyone).
 */
final class ShowRanker {

  private ShowRanker() {}

  static Candidate score(String fileKey, Integer fileYear, TvSummary s) {
    double name = TitleSimilarity.of(fileKey, s.name());
    double original = TitleSimilarity.of(fileKey, s.originalName());
    return candidate(identity(s), Math.max(name, original), name >= original ? "name" : "original name",
        fileYear, s.year());
  }

  static Candidate score(String fileKey, Integer fileYear, TvDetails d) {
    double best = TitleSimilarity.of(fileKey, d.name());
    String which = "name";
    double original = TitleSimilarity.of(fileKey, d.originalName());
    if (original > best) {
      best = original;
      which = "original name";
    }
    var names = new ArrayList<>(d.alternativeTitles());
    names.addAll(d.translatedTitles());
    for (String alt : names) {
      double s = TitleSimilarity.of(fileKey, alt) * 0.99;
      if (s > best) {
        best = s;
        which = "alternative name '" + alt + "'";
      }
    }
    var identity = new Identity(Identity.Kind.TV, d.id(), d.name(), d.originalName(), d.year(), null,
        List.of(), null, d.imdbId(), d.tvdbId());
    return candidate(identity, best, which, fileYear, d.year());
  }

  static Identity identity(TvSummary s) {
    return new Identity(Identity.Kind.TV, s.id(), s.name(), s.originalName(), s.year(), null, List.of(), null, null, null);
  }

  private static Candidate candidate(Identity identity, double title, String which, Integer fileYear, Integer year) {
    double factor = fileYear == null ? 0.92 : year == null ? 0.8
        : switch (Math.abs(fileYear - year)) {
          case 0 -> 1;
          case 1 -> 0.87;
          default -> 0.4;
        };
    String why = "title " + Decider.fmt(title) + " (" + which + "), first aired "
        + (fileYear == null ? year + ", no year in the name" : year + " vs " + fileYear) + " x" + Decider.fmt(factor);
    return new Candidate(identity, title * factor, why);
  }
}
