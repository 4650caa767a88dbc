package org.videoorganizer.daemon.identify;

import java.util.List;
import java.util.OptionalDouble;
import org.videoorganizer.core.match.Candidate;
import org.videoorganizer.core.naming.MediaIdentity;

/** What an {@link Identifier} concluded about a group: a name, a question for a person, a skip, or a failure. */
public sealed interface Identification {

  /** Why, in words a person reads in the plan. */
  String reason();

  /**
   * Identified well enough to name.
   *
   * @param confidence the TMDB matcher's confidence in {@code identity}, in [0, 1]; empty when TMDB
   *     gave no match (named from the file name, its NFO, or filed under Other)
   * @param evidence what the matcher looked up and compared, in order; empty without TMDB
   */
  record Named(MediaIdentity identity, String reason, OptionalDouble confidence, List<String> evidence)
      implements Identification {

    public Named {
      if (confidence.isPresent() && !(confidence.getAsDouble() >= 0 && confidence.getAsDouble() <= 1)) {
        throw new IllegalArgumentException("a confidence must be between 0 and 1, got " + confidence.getAsDouble());
      }
      evidence = List.copyOf(evidence);
    }

    /** Named without TMDB's word: no confidence, no evidence. */
    public Named(MediaIdentity identity, String reason) {
      this(identity, reason, OptionalDouble.empty(), List.of());
    }
  }

  /**
   * Not sure enough to name: left in place for a person to decide.
   *
   * @param candidates what TMDB offered, best first (stored for the review page); empty when none
   * @param evidence what the matcher looked up and compared, and what content analysis found (the
   *     text read on screen, a vision model's description, the speech)
   */
  record Review(String reason, List<Candidate> candidates, List<String> evidence) implements Identification {

    public Review {
      candidates = List.copyOf(candidates);
      evidence = List.copyOf(evidence);
    }

    /** A question with what was found (content analysis), without TMDB candidates. */
    public Review(String reason, List<String> evidence) {
      this(reason, List.of(), evidence);
    }

    /** A question without TMDB candidates. */
    public Review(String reason) {
      this(reason, List.of(), List.of());
    }
  }

  /** Deliberately not organized (a sample, a partial download). */
  record Skip(String reason) implements Identification {}

  /** Could not be identified because something failed (TMDB down, key rejected): left in place. */
  record Failed(String reason) implements Identification {}
}
