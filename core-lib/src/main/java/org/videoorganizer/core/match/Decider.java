package org.videoorganizer.core.match;

import java.util.List;

/**
 * Turns ranked candidates into a decision. Confidence is the best score, lowered when the
 * runner-up is close: equal scores halve it. Matched at or above the accept threshold; review
 * between the review floor and it; none below the floor.
 */
record Decider(double autoAccept, double margin, double reviewFloor) {

  Decider {
    check("auto-accept threshold", autoAccept);
    check("margin", margin);
    check("review floor", reviewFloor);
    if (reviewFloor > autoAccept) {
      throw new IllegalArgumentException("review floor " + reviewFloor + " must not exceed the auto-accept threshold " + autoAccept);
    }
    if (margin == 0) {
      throw new IllegalArgumentException("margin must be above 0, got 0");
    }
  }

  static final Decider DEFAULT = new Decider(0.85, 0.15, 0.45);

  double confidence(List<Candidate> ranked) {
    if (ranked.isEmpty()) {
      return 0;
    }
    double best = ranked.get(0).score();
    double second = ranked.size() > 1 ? ranked.get(1).score() : 0;
    return best * Math.min(1, 0.5 + (best - second) / (2 * margin));
  }

  boolean accepts(List<Candidate> ranked) {
    return confidence(ranked) >= autoAccept;
  }

  MatchResult decide(List<Candidate> ranked, String what, List<String> evidence) {
    if (ranked.isEmpty()) {
      return new MatchResult.NoMatch("TMDB has nothing like " + what, evidence);
    }
    double confidence = round(confidence(ranked));
    Candidate best = ranked.get(0);
    if (confidence >= autoAccept) {
      evidence.add("accepted " + label(best) + " with confidence " + fmt(confidence));
      return new MatchResult.Matched(best.identity(), confidence, evidence);
    }
    if (best.score() < reviewFloor) {
      return new MatchResult.NoMatch("the closest candidate " + label(best) + " scores only "
          + fmt(best.score()) + " for " + what, evidence);
    }
    String reason = ranked.size() > 1 && best.score() - ranked.get(1).score() < margin
        ? "two candidates are almost equally good: " + label(best) + " and " + label(ranked.get(1))
        : "the best candidate " + label(best) + " scores only " + fmt(best.score());
    return new MatchResult.Review(ranked.subList(0, Math.min(5, ranked.size())), reason, confidence, evidence);
  }

  static String label(Candidate c) {
    var id = c.identity();
    return id.title() + (id.year() == null ? "" : " (" + id.year() + ")") + " [" + id.kind().tmdbName() + " " + id.tmdbId() + "]";
  }

  static String fmt(double v) {
    long hundredths = Math.round(v * 100);
    String digits = String.valueOf(Math.abs(hundredths) % 100);
    return (hundredths < 0 ? "-" : "") + Math.abs(hundredths) / 100 + "." + (digits.length() == 1 ? "0" + digits : digits);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static void check(String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be between 0 and 1, got " + v);
    }
  }
}
