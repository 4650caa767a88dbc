package org.videoorganizer.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeCatalog;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;

/**
 * Names that read two ways ("A - B" as "A: B" or as "A" plus more), through the real parser
 * and the fake TMDB: the matcher searches both readings and lets the evidence decide, never
 * matching the shorter reading when the longer one names something else (issue 13).
 */
class MatcherReadingsTest {
  static FakeTmdbServer tmdb;
  static Matcher matcher;
  static final FilenameParser PARSER = new FilenameParser();

  @BeforeAll
  static void start() {
    tmdb = FakeTmdbServer.start(FakeCatalog.load("unseen-names.json", "hard-cases.json", "catalog.json"));
    matcher = Matcher.builder(TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY)
        .requestsPerSecond(10_000).build()).build();
  }

  @AfterAll
  static void stop() {
    tmdb.close();
  }

  private static MatchResult match(String name) {
    return matcher.match(PARSER.parse(name));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Mission Impossible - Fallout (2018).mkv                | 353081
      mission impossible - fallout 2018.mp4                  | 353081
      The Lord of the Rings - The Two Towers (2002).mkv      | 9002201
      Spider-Man - No Way Home (2021).mkv                    | 634649
      Spider-Man - No Way Home (2021) 1080p BluRay x264-GRP.mkv | 634649
      The Walking Dead - Dead City - 2x05.mkv                | 194583
      The Office US S02E03.mkv                               | 2316
      The.Office.UK.S01E02.720p.HDTV.x264-GRP.mkv            | 2996
      Doctor Who 2005 S01E01.mkv                             | 57243
      """)
  void matchesTheReadingTheEvidenceSupports(String name, long tmdbId) {
    MatchResult result = match(name);
    assertThat(result).as(String.join("\n", result.evidence())).isInstanceOf(MatchResult.Matched.class);
    assertThat(result.matchedIdentity().orElseThrow().tmdbId()).isEqualTo(tmdbId);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      The Walking Dead - Dead City - 2x09.mkv | 1402
      """)
  void neverFallsBackToTheShorterReadingWhenTheLongerNamesSomethingElse(String name, long wrongId) {
    MatchResult result = match(name);
    assertThat(result.matchedIdentity().map(Identity::tmdbId)).as(String.join("\n", result.evidence()))
        .isNotEqualTo(java.util.Optional.of(wrongId));
  }
}
