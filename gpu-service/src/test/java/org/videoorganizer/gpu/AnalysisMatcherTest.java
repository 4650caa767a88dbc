package org.videoorganizer.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.match.MatchResult;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.gpu.ocr.TitleCardReader;
import org.videoorganizer.gpu.testsupport.TestVideos;

/** Analysis through the real matcher and TMDB client against the fake TMDB (the committed catalog). */
class AnalysisMatcherTest {

  @TempDir
  static Path dir;
  static FakeTmdbServer tmdb;
  static Matcher matcher;
  static ContentAnalyzer analyzer;
  static final FilenameParser PARSER = new FilenameParser();

  @BeforeAll
  static void start() {
    tmdb = FakeTmdbServer.start();
    TmdbClient client = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY)
        .requestsPerSecond(10_000).build();
    matcher = Matcher.builder(client).build();
    analyzer = ContentAnalyzer.builder().ocr(() -> new TitleCardReader(dir.resolve("tessdata"))).build();
  }

  @AfterAll
  static void stop() {
    tmdb.close();
  }

  @Test
  void aCameraNamedFileIsIdentifiedByTheTitleCardItShows() throws Exception {
    // Mad Max: Fury Road runs 121 minutes; the file does too, drawn one picture every 20 s
    Path file = TestVideos.video().size(640, 360).sparse(20).seconds(121 * 60)
        .title(0, "MAD MAX: FURY ROAD").picture(200, 1).picture(2000, 2).picture(4000, 3)
        .writeTo(dir.resolve("VID_0001.mp4"));
    ParsedName name = PARSER.parse(file.getFileName().toString());
    MatchResult byName = matcher.match(name);

    AnalysisReport report = analyzer.analyze(file, AnalysisRequest.local(file.toString()));
    MatchResult result = new AnalysisMatcher(matcher).rematch(name, byName, report);

    assertThat(byName).isNotInstanceOf(MatchResult.Matched.class);
    assertThat(report.proposals()).first().extracting(TitleProposal::text).isEqualTo("MAD MAX: FURY ROAD");
    assertThat(result).isInstanceOf(MatchResult.Matched.class);
    assertThat(result.matchedIdentity().orElseThrow().tmdbId()).isEqualTo(76341);
    assertThat(result.evidence().get(0)).startsWith("analysis: OCR read 'MAD MAX: FURY ROAD'");
  }

  @Test
  void aFilmAndItsRemakeAreToldApartByRuntime() throws Exception {
    Path classic = TestVideos.video().sparse(30).seconds(74 * 60).picture(0, 1).writeTo(dir.resolve("a/Cinderella.mp4"));
    Path remake = TestVideos.video().sparse(30).seconds(105 * 60).picture(0, 2).writeTo(dir.resolve("b/Cinderella.mp4"));
    ParsedName name = PARSER.parse("Cinderella.mp4");
    MatchResult byName = matcher.match(name);
    var analysis = new AnalysisMatcher(matcher);

    MatchResult first = analysis.rematch(name, byName, analyzer.analyze(classic, AnalysisRequest.local("a")));
    MatchResult second = analysis.rematch(name, byName, analyzer.analyze(remake, AnalysisRequest.local("b")));

    assertThat(byName).isInstanceOf(MatchResult.Review.class); // two films of that name, nothing to choose by
    assertThat(first.matchedIdentity().orElseThrow().tmdbId()).isEqualTo(11224); // 1950, 74 min
    assertThat(second.matchedIdentity().orElseThrow().tmdbId()).isEqualTo(150689); // 2015, 105 min
    assertThat(first.evidence().get(0)).isEqualTo("analysis: runtime 74 min compared with the candidates'");
  }

  @Test
  void aConfidentNameMatchIsNeverOverriddenByAnalysis() throws Exception {
    Path file = TestVideos.video().sparse(30).seconds(74 * 60).title(0, "MAD MAX: FURY ROAD")
        .writeTo(dir.resolve("Lincoln.2012.mp4"));
    ParsedName name = PARSER.parse("Lincoln.2012.mp4");
    MatchResult byName = matcher.match(name);

    MatchResult result = new AnalysisMatcher(matcher).rematch(name, byName,
        analyzer.analyze(file, AnalysisRequest.local("c")));

    assertThat(byName).isInstanceOf(MatchResult.Matched.class);
    assertThat(result).isSameAs(byName);
  }
}
