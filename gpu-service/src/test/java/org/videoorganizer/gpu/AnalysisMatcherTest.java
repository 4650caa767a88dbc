package org.videoorganizer.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.match.Candidate;
import org.videoorganizer.core.match.Identity;
import org.videoorganizer.core.match.MatchResult;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.gpu.extract.MediaProbe;
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

  @Test
  void theSpeechAndTheDescriptionAreShownToTheReviewerWithoutDecidingAnything() {
    ParsedName name = PARSER.parse("movie.mkv");
    var review = new MatchResult.Review(List.of(
        new Candidate(new Identity(Identity.Kind.MOVIE, 11224, "Cinderella", "Cinderella", 1950, null, List.of(), null,
            null, null), 0.7, ""),
        new Candidate(new Identity(Identity.Kind.MOVIE, 921, "Cinderella Man", "Cinderella Man", 2005, null, List.of(),
            null, null, null), 0.6, "")), "too close", 0.5, List.of("search movie 'movie'"));
    var probe = new MediaProbe("mp4", Duration.ZERO, "h264", 640, 360, 25, List.of(), null);
    var report = new AnalysisReport("movie.mkv", probe, Optional.empty(), List.of(), List.of(),
        Optional.of("A boxer trains in a gym."), Optional.of("movie"), Optional.of("They called him the Cinderella Man."),
        Optional.of("en"), RemoteStatus.DONE, "", List.of(), 10, 800);

    MatchResult result = new AnalysisMatcher(matcher).rematch(name, review, report);

    assertThat(result).isInstanceOf(MatchResult.Review.class);
    assertThat(result.evidence()).containsSubsequence("search movie 'movie'",
        "analysis: vision model: A boxer trains in a gym.",
        "analysis: speech (en): 'They called him the Cinderella Man.'",
        "analysis: the speech names candidate 'Cinderella Man' (2005)");
    assertThat(result.evidence()).doesNotContain("analysis: the speech names candidate 'Cinderella' (1950)");
  }
}
