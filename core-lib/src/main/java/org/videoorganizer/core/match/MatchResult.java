package org.videoorganizer.core.match;

import java.util.List;
import java.util.Optional;

/**
 * The answer of {@link Matcher}: {@link Matched} (sure enough to act), {@link Review} (a person
 * must choose, the candidates are given) or {@link NoMatch}. Each carries the evidence: the
 * searches made, what was compared and why the decision fell as it did.
 */
public sealed interface MatchResult permits MatchResult.Matched, MatchResult.Review, MatchResult.NoMatch {

  /** How sure the matcher is of its best candidate, in [0, 1]; 0 when there is none. */
  double confidence();

  /** What was looked up and compared, in order. */
  List<String> evidence();

  /** {@code matched}, {@code review} or {@code none}. */
  String decision();

  /** The identity when matched. */
  default Optional<Identity> matchedIdentity() {
    return this instanceof Matched m ? Optional.of(m.identity()) : Optional.empty();
  }

  /** Sure: the file is this film, show or episode. */
  record Matched(Identity identity, double confidence, List<String> evidence) implements MatchResult {
    public Matched {
      evidence = List.copyOf(evidence);
    }

    @Override
    public String decision() {
      return "matched";
    }
  }

  /** Not sure: a person should pick one of the candidates (best first), for the given reason. */
  record Review(List<Candidate> candidates, String reason, double confidence, List<String> evidence)
      implements MatchResult {
    public Review {
      candidates = List.copyOf(candidates);
      evidence = List.copyOf(evidence);
    }

    @Override
    public String decision() {
      return "review";
    }
  }

  /** Nothing on TMDB looks like this file, for the given reason. */
  record NoMatch(String reason, List<String> evidence) implements MatchResult {
    public NoMatch {
      evidence = List.copyOf(evidence);
    }

    @Override
    public double confidence() {
      return 0;
    }

    @Override
    public String decision() {
      return "none";
    }
  }
}
