package org.videoorganizer.core.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides between two readings of one ambiguous name ("A - B" is the title "A: B", or the
 * title "A" followed by an episode title; "Шоу / Show" names one thing twice). Precision
 * first: the ambiguity may send a name to review, never to a wrong automatic match.
 *
 * <ul>
 *   <li>When one reading holds the other and more words ("The Walking Dead - Dead City" holds
 *       "The Walking Dead"), the longer one is the more specific: its match wins. The shorter
 *       one's match stands only when the longer finds nothing at all on TMDB; when the longer
 *       finds candidates but is unsure, and the shorter's match is not among them, a person
 *       decides.</li>
 *   <li>Two names of the same thing (dual language): the first match wins; two different
 *       matches go to review.</li>
 * </ul>
 */
final class Readings {
  private Readings() {}

  static MatchResult decide(String firstTitle, MatchResult first, String otherTitle, MatchResult other,
      List<String> evidence) {
    String a = TitleNormalizer.key(firstTitle);
    String b = TitleNormalizer.key(otherTitle);
    if (a.length() != b.length() && (a.contains(b) || b.contains(a))) {
      boolean firstLonger = a.length() > b.length();
      return nested(firstLonger ? first : other, firstLonger ? other : first, evidence);
    }
    if (first instanceof MatchResult.Matched m1 && other instanceof MatchResult.Matched m2
        && m1.identity().tmdbId() != m2.identity().tmdbId()) {
      return review(List.of(new Candidate(m1.identity(), m1.confidence(), "the first reading"),
          new Candidate(m2.identity(), m2.confidence(), "the other reading")),
          "the two names in the file name match different entries", evidence);
    }
    if (first instanceof MatchResult.Matched) {
      return first;
    }
    return other instanceof MatchResult.Matched ? other : better(first, other);
  }

  private static MatchResult nested(MatchResult longer, MatchResult shorter, List<String> evidence) {
    if (longer instanceof MatchResult.Matched) {
      evidence.add("the longer reading matched: it uses every word of the name");
      return longer;
    }
    if (!(shorter instanceof MatchResult.Matched s)) {
      return better(longer, shorter);
    }
    if (longer instanceof MatchResult.NoMatch) {
      evidence.add("the longer reading finds nothing on TMDB: the shorter reading's match stands");
      return shorter;
    }
    MatchResult.Review r = (MatchResult.Review) longer;
    boolean agrees = !r.candidates().isEmpty() && r.candidates().get(0).identity().tmdbId() == s.identity().tmdbId()
        && r.candidates().get(0).identity().kind() == s.identity().kind();
    if (agrees) {
      evidence.add("both readings point at the same entry");
      return shorter;
    }
    var candidates = new ArrayList<Candidate>();
    candidates.add(new Candidate(s.identity(), s.confidence(), "the shorter reading of the name"));
    for (Candidate c : r.candidates()) {
      if (c.identity().tmdbId() != s.identity().tmdbId() || c.identity().kind() != s.identity().kind()) {
        candidates.add(c);
      }
    }
    return review(candidates, "the name reads two ways and the longer reading finds other candidates", evidence);
  }

  private static MatchResult better(MatchResult x, MatchResult y) {
    if (x instanceof MatchResult.NoMatch) {
      return y;
    }
    return y instanceof MatchResult.Review && y.confidence() > x.confidence() ? y : x;
  }

  private static MatchResult review(List<Candidate> candidates, String reason, List<String> evidence) {
    evidence.add(reason);
    double confidence = Math.min(0.84, candidates.get(0).score());
    return new MatchResult.Review(candidates, reason, confidence, evidence);
  }
}
