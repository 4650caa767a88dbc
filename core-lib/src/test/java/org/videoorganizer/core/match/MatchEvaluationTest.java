package org.videoorganizer.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;

/**
 * The labelled names against the fake catalog, through the real parser. Writes the table to
 * {@code target/match-eval-report.txt} and holds the targets: precision of automatic
 * matches at least 99%, coverage at least 90% for films and 85% for episodes.
 */
class MatchEvaluationTest {

  @Test
  void labelledNamesMeetThePrecisionAndCoverageTargets() throws IOException {
    var rows = MatchEvaluation.rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(500);
    MatchEvaluation.Report report;
    try (var tmdb = FakeTmdbServer.start()) {
      var client = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY)
          .requestsPerSecond(10_000).build();
      report = MatchEvaluation.run(Matcher.builder(client).build(), rows);
    }
    String text = report.table() + "\nwrong automatic matches (category, expected, got, name, parsed):\n"
        + String.join("\n", report.wrong()) + "\n\nexpected an id, got review or none:\n"
        + String.join("\n", report.missed()) + "\n";
    Files.writeString(Path.of("target", "match-eval-report.txt"), text);
    System.out.println(text);
    assertThat(report.all().precision()).as(text).isGreaterThanOrEqualTo(0.99);
    assertThat(report.byKind().get("movies").coverage()).as(text).isGreaterThanOrEqualTo(0.90);
    assertThat(report.byKind().get("episodes").coverage()).as(text).isGreaterThanOrEqualTo(0.85);
  }
}
