package org.videoorganizer.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the three peer corpora (corpora/README.md): a case passes unless it is listed in
 * corpora/known-failures.tsv, and a listed case must still fail, so a fix is noticed and the
 * list shrinks.
 */
class FilenameParserCorpusTest {
  private static final FilenameParser PARSER = new FilenameParser();
  private static final KnownFailures KNOWN = KnownFailures.load();

  static Stream<CorpusCase> cases() {
    return CorpusCase.CORPORA.stream().flatMap(c -> CorpusCase.load(c).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parsesTheCaseAsThePeerTestSays(CorpusCase c) {
    List<String> wrong = ExpectedMatcher.mismatches(c.expected(), PARSER.parse(c.input()));
    if (KNOWN.contains(c)) {
      assertThat(wrong)
          .as("known failure now passes, remove it from known-failures.tsv: %s (%s)", c, KNOWN.reason(c))
          .isNotEmpty();
    } else {
      assertThat(wrong).as("%s [%s]", c, c.source()).isEmpty();
    }
  }

  @Test
  void everyKnownFailureNamesARealCase() {
    Set<String> all = new HashSet<>();
    cases().forEach(c -> all.add(KnownFailures.key(c.corpus(), c.input())));
    List<String> stale = new ArrayList<>();
    KNOWN.keys().forEach(k -> {
      if (!all.contains(k)) {
        stale.add(k);
      }
    });
    assertThat(stale).as("known failures that match no corpus case").isEmpty();
  }

  @Test
  void eachCorpusReachesNinetyFivePercentWholeCaseAccuracy() {
    for (String corpus : CorpusCase.CORPORA) {
      List<CorpusCase> cases = CorpusCase.load(corpus);
      long passed = cases.stream()
          .filter(c -> ExpectedMatcher.mismatches(c.expected(), PARSER.parse(c.input())).isEmpty())
          .count();
      assertThat(100.0 * passed / cases.size()).as(corpus + " whole-case accuracy").isGreaterThanOrEqualTo(95.0);
    }
  }
}
