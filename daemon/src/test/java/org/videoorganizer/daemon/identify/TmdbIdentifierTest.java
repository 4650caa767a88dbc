package org.videoorganizer.daemon.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.source.SourceGroup;

/** The one TMDB identifier of {@code vorg organize} and the daemon, against the fake TMDB. */
class TmdbIdentifierTest {

  private static final FilenameParser PARSER = new FilenameParser();
  private static final int THREADS = 16;

  // Remakes and shows with the same name, so a mixed-up answer is a wrong id, not a missing one.
  private static final Map<String, Long> FILES = Map.ofEntries(
      Map.entry("RoboCop.1987.1080p.BluRay.mkv", 5548L), Map.entry("RoboCop.2014.720p.WEB-DL.mkv", 97020L),
      Map.entry("Mulan.1998.mkv", 10674L), Map.entry("Mulan (2020).mkv", 337401L),
      Map.entry("Total.Recall.1990.mkv", 861L), Map.entry("Total.Recall.2012.mkv", 64635L),
      Map.entry("Dune.1984.mkv", 841L), Map.entry("Dune.2021.2160p.mkv", 438631L),
      Map.entry("Halloween.1978.mkv", 948L), Map.entry("Halloween.2007.mkv", 2082L),
      Map.entry("Halloween.2018.mkv", 424139L), Map.entry("The.Thing.1982.mkv", 1091L),
      Map.entry("The.Thing.2011.mkv", 60935L), Map.entry("King.Kong.1933.mkv", 244L),
      Map.entry("King.Kong.1976.mkv", 10730L), Map.entry("King.Kong.2005.mkv", 254L),
      Map.entry("Point.Break.1991.mkv", 1089L), Map.entry("Point.Break.2015.mkv", 257088L),
      Map.entry("Oldboy.2003.mkv", 670L), Map.entry("Oldboy.2013.mkv", 87516L),
      Map.entry("Breaking.Bad.S01E01.720p.mkv", 1396L), Map.entry("Breaking.Bad.S01E02.720p.mkv", 1396L),
      Map.entry("Doctor.Who.2005.S01E01.mkv", 57243L), Map.entry("Game.of.Thrones.S01E01.mkv", 1399L));

  @TempDir Path tmp;
  FakeTmdbServer tmdb;
  TmdbClient client;

  @BeforeEach
  void start() {
    tmdb = FakeTmdbServer.start();
    client = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY).requestsPerSecond(10_000)
        .retries(0, 0, Duration.ofMillis(10), Duration.ofMillis(50)).build();
  }

  @AfterEach
  void stop() {
    tmdb.close();
  }

  private TmdbIdentifier service() {
    return TmdbIdentifier.forService(names(), Matcher.builder(client).build(), client);
  }

  private TmdbIdentifier oneRun() {
    return TmdbIdentifier.forOneRun(names(), Matcher.builder(client).build(), client);
  }

  private static NameIdentifier names() {
    return new NameIdentifier(p -> PARSER.parse(p.toString()));
  }

  private SourceGroup group(String name, SourceGroup.Sidecar... sidecars) {
    return new SourceGroup(tmp, tmp.resolve(name), List.of(sidecars));
  }

  @Test
  void manyThreadsIdentifyingDifferentFilesAtOnceEachGetTheirOwnAnswer() throws Exception {
    TmdbIdentifier identifier = service();
    tmdb.delayNext(Duration.ofMillis(20), 200);
    List<String> names = new ArrayList<>(FILES.keySet());
    Map<String, Identification> answers = identifyAtOnce(identifier, names);
    assertThat(answers).hasSize(FILES.size()).allSatisfy((name, answer) -> {
      assertThat(answer).as(name).isInstanceOf(Identification.Named.class);
      assertThat(((Identification.Named) answer).identity().tmdbId()).as(name).isEqualTo(FILES.get(name));
    });
  }

  @Test
  void aServiceIdentifierFailsOnlyTheVideosTmdbFailedForAndAsksAgainForTheNext() throws Exception {
    TmdbIdentifier identifier = service();
    tmdb.failNext(503, 12);
    List<String> names = new ArrayList<>(FILES.keySet());
    Map<String, Identification> answers = identifyAtOnce(identifier, names);
    List<String> failed = answers.entrySet().stream()
        .filter(e -> e.getValue() instanceof Identification.Failed).map(Map.Entry::getKey).toList();
    assertThat(failed).as("12 failed requests fail some videos").isNotEmpty();
    assertThat(answers.values()).filteredOn(a -> a instanceof Identification.Failed)
        .allSatisfy(a -> assertThat(a.reason()).startsWith("left in place, TMDB failed: ").doesNotContain("not asked"));
    assertThat(answers.values()).filteredOn(a -> !(a instanceof Identification.Failed))
        .allSatisfy(a -> assertThat(a).isInstanceOf(Identification.Named.class));
    for (String name : failed) {
      Identification again = identifier.identify(group(name));
      assertThat(again).as(name + " asked again").isInstanceOf(Identification.Named.class);
      assertThat(((Identification.Named) again).identity().tmdbId()).isEqualTo(FILES.get(name));
    }
  }

  @Test
  void aOneRunIdentifierStopsAskingAfterThreeFailuresInARowButAServiceDoesNot() {
    TmdbIdentifier run = oneRun();
    TmdbIdentifier service = service();
    tmdb.failNext(503, TmdbOutages.FAILURES_BEFORE_GIVING_UP);
    for (int i = 0; i < TmdbOutages.FAILURES_BEFORE_GIVING_UP; i++) {
      assertThat(run.identify(group("Dune.1984.mkv"))).isInstanceOf(Identification.Failed.class);
    }
    assertThat(run.identify(group("Dune.1984.mkv")).reason()).startsWith("left in place, TMDB not asked: ");
    tmdb.failNext(503, TmdbOutages.FAILURES_BEFORE_GIVING_UP);
    for (int i = 0; i < TmdbOutages.FAILURES_BEFORE_GIVING_UP; i++) {
      assertThat(service.identify(group("Dune.1984.mkv"))).isInstanceOf(Identification.Failed.class);
    }
    assertThat(service.identify(group("Dune.1984.mkv"))).isInstanceOf(Identification.Named.class);
  }

  @Test
  void anUnreachableTmdbFailsEachVideoOfAServiceWithoutGivingUp() {
    String gone;
    try (var stopped = FakeTmdbServer.start()) {
      gone = stopped.baseUrl();
    }
    TmdbClient down = TmdbClient.builder().baseUrl(gone).apiKey(FakeTmdbServer.API_KEY)
        .retries(0, 0, Duration.ofMillis(10), Duration.ofMillis(50)).build();
    var identifier = TmdbIdentifier.forService(names(), Matcher.builder(down).build(), down);
    for (String name : List.of("Dune.1984.mkv", "Mulan.1998.mkv")) {
      assertThat(identifier.identify(group(name))).isInstanceOf(Identification.Failed.class)
          .extracting(Identification::reason).asString().startsWith("left in place, TMDB failed: ");
    }
  }

  @Test
  void aMatchCarriesTheMatchersOwnConfidenceAndEvidence() {
    var expected = Matcher.builder(client).build().match(PARSER.parse("RoboCop.1987.1080p.BluRay.mkv"));
    var named = (Identification.Named) service().identify(group("RoboCop.1987.1080p.BluRay.mkv"));
    assertThat(named.confidence()).hasValue(expected.confidence());
    assertThat(named.evidence()).isEqualTo(expected.evidence()).isNotEmpty();
    assertThat(named.reason()).contains(String.format(java.util.Locale.ROOT, "confidence %.2f", expected.confidence()));
  }

  @Test
  void aTmdbIdInTheNfoIsLookedUpWithoutASearchAndTheEvidenceSaysItCameFromTheNfo() throws IOException {
    Path nfo = Files.writeString(tmp.resolve("Some.Home.Name.nfo"), "https://www.themoviedb.org/movie/97020\n");
    var named = (Identification.Named) service().identify(
        group("Some.Home.Name.mkv", new SourceGroup.Sidecar(nfo, SourceGroup.Sidecar.Kind.NFO, null, null)));
    assertThat(named.identity().tmdbId()).isEqualTo(97020L);
    assertThat(named.identity().title()).isEqualTo("RoboCop");
    assertThat(named.confidence()).hasValue(0.99);
    assertThat(named.evidence().getFirst()).isEqualTo("ids from the NFO next to the video: tmdb 97020");
    assertThat(tmdb.requests()).noneMatch(r -> r.contains("/search/"));
  }

  @Test
  void aFilmWithoutAYearTmdbDoesNotKnowIsFiledUnderOtherWithoutAConfidence() {
    var named = (Identification.Named) service().identify(group("Home video of grandpa.mp4"));
    assertThat(named.identity().kind()).isEqualTo(org.videoorganizer.core.naming.MediaIdentity.Kind.OTHER);
    assertThat(named.confidence()).isEmpty();
    assertThat(named.evidence()).as("what was searched is still told").isNotEmpty();
  }

  @Test
  void aDatedHomeVideoIsFiledUnderOtherWithItsDateNotLeftForReviewAsADailyShow() {
    for (String name : List.of("2019-07-14 Beach day.mp4", "Home videos/VID_20190714_153012.mp4")) {
      Identification answer = service().identify(group(name));
      assertThat(answer).as(name).isInstanceOf(Identification.Named.class);
      var named = (Identification.Named) answer;
      assertThat(named.identity().kind()).as(name).isEqualTo(org.videoorganizer.core.naming.MediaIdentity.Kind.OTHER);
      assertThat(named.identity().airDate()).as(name).isEqualTo(java.time.LocalDate.of(2019, 7, 14));
      assertThat(named.confidence()).as(name).isEmpty();
    }
  }

  @Test
  void aDailyShowInItsShowFolderIsStillMatchedAsAnEpisodeByItsAirDate() {
    Identification answer = service().identify(group("The Daily Show/The.Daily.Show.2022.01.05.720p.WEB.x264-GRP.mkv"));
    assertThat(answer).as(answer.reason()).isInstanceOf(Identification.Named.class);
    var named = (Identification.Named) answer;
    assertThat(named.identity().kind()).isEqualTo(org.videoorganizer.core.naming.MediaIdentity.Kind.EPISODE);
    assertThat(named.identity().tmdbId()).isEqualTo(2224L);
  }

  @Test
  void aSampleIsSkippedBeforeTmdbIsAsked() {
    assertThat(service().identify(group("Dune.1984.sample.mkv"))).isInstanceOf(Identification.Skip.class);
    assertThat(tmdb.requestCount()).isZero();
  }

  // All names identified by THREADS threads released together.
  private Map<String, Identification> identifyAtOnce(TmdbIdentifier identifier, List<String> names) throws Exception {
    var start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Map.Entry<String, Identification>>> futures = new ArrayList<>();
      IntStream.range(0, names.size()).forEach(i -> futures.add(pool.submit((Callable<Map.Entry<String, Identification>>) () -> {
        start.await();
        return Map.entry(names.get(i), identifier.identify(group(names.get(i))));
      })));
      start.countDown();
      var answers = new java.util.HashMap<String, Identification>();
      for (var f : futures) {
        var e = f.get();
        answers.put(e.getKey(), e.getValue());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  // A report as content analysis would give it: the file's runtime and a title read on screen.
  private static org.videoorganizer.gpu.AnalysisReport report(int minutes, String onScreen) {
    var probe = new org.videoorganizer.gpu.extract.MediaProbe("mp4", Duration.ofMinutes(minutes), "h264", 640, 360, 25,
        List.of(), null);
    return new org.videoorganizer.gpu.AnalysisReport("x.mp4", probe, java.util.Optional.empty(),
        List.of(new org.videoorganizer.gpu.ocr.OcrLine(onScreen, 91, Duration.ZERO)),
        List.of(new org.videoorganizer.gpu.TitleProposal(onScreen, null, null, "ocr", 0.91)), java.util.Optional.empty(),
        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
        org.videoorganizer.gpu.RemoteStatus.NOT_REQUESTED, "", List.of(), 1, 10);
  }

  @Test
  void analysisNeverOverridesAConfidentNameMatchAndTheNfoEvidenceStays() throws IOException {
    Path nfo = Files.writeString(tmp.resolve("Some.Home.Name.nfo"), "https://www.themoviedb.org/movie/97020\n");
    var group = group("Some.Home.Name.mkv", new SourceGroup.Sidecar(nfo, SourceGroup.Sidecar.Kind.NFO, null, null));

    Identification idf = service().identify(group, report(121, "MAD MAX: FURY ROAD"));

    assertThat(idf).isInstanceOfSatisfying(Identification.Named.class, n -> {
      assertThat(n.identity().tmdbId()).isEqualTo(97020L);
      assertThat(n.evidence().getFirst()).isEqualTo("ids from the NFO next to the video: tmdb 97020");
    });
  }

  @Test
  void aTitleReadOnScreenNamesACameraFileAndAReviewKeepsWhatAnalysisSaw() {
    Identification byTitle = service().identify(group("VID_0001.mp4"), report(121, "MAD MAX: FURY ROAD"));
    Identification unsure = service().identify(group("Cinderella.mkv"), report(90, "A FAIRY TALE"));

    assertThat(byTitle).isInstanceOfSatisfying(Identification.Named.class, n -> {
      assertThat(n.identity().tmdbId()).isEqualTo(76341L);
      assertThat(n.evidence().getFirst()).startsWith("analysis: OCR read 'MAD MAX: FURY ROAD'");
    });
    assertThat(unsure).isInstanceOfSatisfying(Identification.Review.class, r -> assertThat(r.evidence())
        .containsExactly("analysis: runtime 90 min", "analysis: text on screen: 'A FAIRY TALE'"));
  }
}
