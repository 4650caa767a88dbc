package org.videoorganizer.daemon.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.cli.OrganizeCli;
import org.videoorganizer.daemon.organize.FileResult;
import org.videoorganizer.daemon.organize.JournalUndo;
import org.videoorganizer.daemon.source.SourceScanner;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.slf4j.LoggerFactory;

/**
 * One organize core behind both front ends (issue #12): the same messy inbox, organized once by
 * {@code vorg organize} and once by a running daemon, both with the fake TMDB, gives the same
 * library (every path and every byte, NFO files included), leaves the same files behind, and
 * journals the same steps, so that {@code vorg undo} puts both inboxes back as they were.
 */
@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganizeParityTest {

  Path dir;
  FakeTmdbServer tmdb;
  Map<String, String> inbox;
  OrganizeCli.Run cli;
  final ListAppender<ILoggingEvent> organizedLines = new ListAppender<>();

  /** The TMDB settings both front ends get: the fake TMDB here. */
  Map<String, String> tmdbEnv() {
    return Map.of("VORG_TMDB_BASE_URL", tmdb.baseUrl(), "VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY);
  }

  @BeforeAll
  void organizeTheSameInboxBothWays(TestServices.Env env, @TempDir Path tmp) throws Exception {
    dir = tmp;
    tmdb = FakeTmdbServer.start();
    messyInbox(dir.resolve("cli/in"));
    messyInbox(dir.resolve("daemon/in"));
    inbox = tree(dir.resolve("cli/in"));
    assertThat(tree(dir.resolve("daemon/in"))).isEqualTo(inbox);
    cli = OrganizeCli.organize(tmdbEnv(), dir.resolve("cli/in").toString(), "--library", dir.resolve("cli/lib").toString());
    runDaemon(env, dir.resolve("daemon"));
  }

  @AfterAll
  void stop() {
    tmdb.close();
  }

  /** Movies, episodes, a season pack with Subs/, NFOs, artwork, an extra, a sample, home videos, a DVD. */
  static void messyInbox(Path in) throws IOException {
    video(in, "RoboCop.1987.1080p.mkv", 1);
    video(in, "Breaking.Bad.S01E02.720p.mkv", 2);
    text(in, "Breaking.Bad.S01E02.720p.en.forced.srt", "1\n00:00:01,000 --> 00:00:02,000\nSay my name.\n");
    String pack = "Game.of.Thrones.S02.1080p.BluRay.x264-GRP/";
    for (int e = 1; e <= 2; e++) {
      String release = "Game.of.Thrones.S02E0" + e + ".1080p.BluRay.x264-GRP";
      video(in, pack + release + ".mkv", 10 + e);
      text(in, pack + "Subs/" + release + "/2_English.srt", "1\n00:00:01,000 --> 00:00:02,000\nEpisode " + e + "\n");
      text(in, pack + "Subs/" + release + "/3_French.srt", "1\n00:00:01,000 --> 00:00:02,000\nEpisode " + e + " fr\n");
    }
    String release = "Mulan.1998.1080p.BluRay.x264-GRP/";
    video(in, release + "Mulan.1998.1080p.BluRay.x264-GRP.mkv", 20);
    bytes(in, release + "poster.jpg", 2_000, 21);
    text(in, release + "movie.nfo", "<movie>\n  <uniqueid type=\"tmdb\">10674</uniqueid>\n</movie>\n");
    text(in, release + "GRP.nfo", "    GRP PRESENTS\n  Mulan 1998 1080p BluRay x264\n  greetings to all\n");
    video(in, "Dune (1984)/Dune (1984).mkv", 30);
    video(in, "Dune (1984)/trailers/Dune trailer.mkv", 31);
    video(in, "Dune.1984.1080p-sample.mkv", 32);
    video(in, "Home videos/2019-07-04 Beach day.mp4", 40);
    video(in, "Home video of grandpa.mp4", 41);
    video(in, "Home videos/VID_20190704_153012.mp4", 42);
    String dvd = "The Terminator (1984)/";
    bytes(in, dvd + "VIDEO_TS/VIDEO_TS.IFO", 12_288, 50);
    bytes(in, dvd + "VIDEO_TS/VIDEO_TS.BUP", 12_288, 50);
    bytes(in, dvd + "VIDEO_TS/VTS_01_0.IFO", 20_480, 51);
    bytes(in, dvd + "VIDEO_TS/VTS_01_1.VOB", 150_000, 52);
    bytes(in, dvd + "folder.jpg", 1_500, 53);
  }

  @Test
  @Order(1)
  void vorgOrganizeRanCleanlyAndOrganizedEveryKindOfFile() throws IOException {
    assertThat(cli.exit()).as(cli.err()).isZero();
    checkLibrary(tree(dir.resolve("cli/lib")).keySet());
  }

  /** What {@code vorg organize} must have made of the inbox (so that the parity below is not the parity of nothing). */
  void checkLibrary(Set<String> lib) {
    assertThat(lib).as(cli.out()).contains(
        "Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv",
        "Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].nfo",
        "Movies/The Terminator (1984) [tmdbid-218]/VIDEO_TS/VTS_01_1.VOB",
        "Movies/The Terminator (1984) [tmdbid-218]/VIDEO_TS/VIDEO_TS.nfo");
    assertThat(lib).as(cli.out()).contains(
        "TV Shows/Game of Thrones (2011) [tmdbid-1399]/tvshow.nfo",
        "TV Shows/Game of Thrones (2011) [tmdbid-1399]/Season 02/Game of Thrones S02E01 - Episode 1.en.srt",
        "TV Shows/Game of Thrones (2011) [tmdbid-1399]/Season 02/Game of Thrones S02E02 - Episode 2.fr.srt",
        "TV Shows/Breaking Bad (2008) [tmdbid-1396]/Season 01/Breaking Bad S01E02 - Episode 2.en.forced.srt",
        "Movies/Mulan (1998) [tmdbid-10674]/poster.jpg",
        "Movies/Mulan (1998) [tmdbid-10674]/Mulan (1998) [tmdbid-10674].nfo",
        "Movies/Dune (1984) [tmdbid-841]/trailers/Dune trailer.mkv",
        "Other/Home video of grandpa.mp4");
    assertThat(lib).as(cli.out()).anyMatch(p -> p.startsWith("Other/") && p.contains("VID_20190704") && p.endsWith(".nfo"));
  }

  @Test
  @Order(2)
  void theDaemonMakesTheSameLibraryWithTheSameNfoContents() throws IOException {
    Map<String, String> cliLib = tree(dir.resolve("cli/lib"));
    Map<String, String> daemonLib = tree(dir.resolve("daemon/lib"));
    assertThat(daemonLib.keySet()).containsExactlyElementsOf(cliLib.keySet());
    assertThat(daemonLib).isEqualTo(cliLib);
  }

  @Test
  @Order(3)
  void bothLeaveTheSameFilesBehindInTheInbox() throws IOException {
    Map<String, String> left = tree(dir.resolve("cli/in"));
    assertThat(left.keySet()).as("the sample, and the scene NFO no video claims")
        .contains("Dune.1984.1080p-sample.mkv", "Mulan.1998.1080p.BluRay.x264-GRP/GRP.nfo");
    assertThat(left.keySet()).as("emptied folders are removed").noneMatch(p -> p.startsWith("The Terminator"));
    assertThat(tree(dir.resolve("daemon/in"))).isEqualTo(left);
  }

  @Test
  @Order(4)
  void bothJournalTheSameStepsAndUndoPutsBothInboxesBack() throws IOException {
    Path cliJournal = onlyJournal(dir.resolve("cli/lib"));
    Path daemonJournal = onlyJournal(dir.resolve("daemon/lib"));
    assertThat(steps(daemonJournal, dir.resolve("daemon"))).containsExactlyInAnyOrderElementsOf(
        steps(cliJournal, dir.resolve("cli")));
    for (String side : List.of("cli", "daemon")) {
      List<FileResult> undone = JournalUndo.undo(onlyJournal(dir.resolve(side + "/lib")));
      assertThat(undone).as(side).noneMatch(r -> r.outcome() == FileResult.Outcome.FAILED);
      assertThat(tree(dir.resolve(side + "/in"))).as(side + " inbox after undo").isEqualTo(inbox);
      assertThat(tree(dir.resolve(side + "/lib"))).as(side + " library after undo").isEmpty();
    }
  }

  @Test
  @Order(5)
  void theDaemonLogsOneLinePerOrganizedFileWithHowItWasIdentified() throws IOException {
    List<String> lines = organizedLines.list.stream().filter(e -> e.getLevel() == Level.INFO)
        .map(ILoggingEvent::getFormattedMessage).toList();
    Path in = dir.resolve("daemon/in");
    Path lib = dir.resolve("daemon/lib");
    List<String> journal = Files.readAllLines(onlyJournal(lib));
    long published = journal.stream().filter(l -> l.contains("\"op\":\"published\"")).count();
    long written = journal.stream().filter(l -> l.contains("\"op\":\"nfo-written\"")).count();
    assertThat(lines).as("one line per file carried").filteredOn(l -> l.startsWith("organized " + in)).hasSize((int) published);
    assertThat(lines).as("one line per NFO written").filteredOn(l -> l.startsWith("organized (written) -> ")).hasSize((int) written);
    assertThat(lines).hasSize((int) (published + written));
    checkIdentifiedLine(lines, in, lib);
  }

  /** The line of the RoboCop file: source, target and how it was named. */
  void checkIdentifiedLine(List<String> lines, Path in, Path lib) {
    String target = lib.resolve("Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv").toString();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("organized " + in.resolve("RoboCop.1987.1080p.mkv") + " -> "
        + target + " (").endsWith("; tmdb 5548)"));
  }

  // The daemon over the inbox until every video unit the one scanner finds has settled; stopped after.
  private void runDaemon(TestServices.Env env, Path home) throws Exception {
    int units = new SourceScanner(home.resolve("lib")).scan(home.resolve("in")).groups().size();
    Map<String, String> vars = new java.util.HashMap<>(Map.of(
        "VORG_SOURCES", "in=" + home.resolve("in"),
        "VORG_LIBRARY", home.resolve("lib").toString(),
        "VORG_DATA_DIR", home.resolve("data").toString(),
        "VORG_DATABASE_URL", env.pgUrl(),
        "VORG_HTTP_PORT", "0",
        "VORG_INGEST_STABLE_SECONDS", "1",
        "VORG_INGEST_RESCAN_SECONDS", "1",
        "VORG_WORKERS_POLL_SECONDS", "1"));
    vars.putAll(tmdbEnv());
    var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.videoorganizer.organized");
    organizedLines.start();
    logger.addAppender(organizedLines);
    Daemon daemon = Daemon.start(ConfigLoader.load(Optional.empty(), vars));
    try {
      awaitSettled(daemon, units);
    } finally {
      daemon.stop();
      logger.detachAppender(organizedLines);
    }
  }

  private static void awaitSettled(Daemon d, int units) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject s = new JsonObject();
    while (System.nanoTime() < deadline) {
      var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + "/api/status"))
          .header("Authorization", "Bearer " + d.httpToken().value()).build(), HttpResponse.BodyHandlers.ofString());
      s = new JsonObject(res.body());
      JsonObject videos = s.getJsonObject("videos");
      long total = videos.stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
      boolean inFlight = Scenario.IN_FLIGHT.stream().anyMatch(st -> videos.getLong(st, 0L) > 0);
      JsonObject q = s.getJsonObject("queue");
      if (total >= units && !inFlight && q.getLong("queued") == 0 && q.getLong("running") == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the daemon did not settle on " + units + " video units: " + s.encodePrettily());
  }

  private static Path onlyJournal(Path lib) throws IOException {
    try (Stream<Path> files = Files.list(lib.resolve(".vorg/journal"))) {
      List<Path> journals = files.filter(p -> p.toString().endsWith(".jsonl")).toList();
      assertThat(journals).as("one journal in " + lib).hasSize(1);
      return journals.getFirst();
    }
  }

  // Each journal step: its kind and the paths it names, below the side's folder, in the order of
  // targets (the daemon carries units out in its own order); run ids, times and temp names aside.
  private static List<String> steps(Path journal, Path side) throws IOException {
    return Files.readAllLines(journal).stream().map(JsonObject::new)
        .filter(e -> !List.of("run", "end").contains(e.getString("op", e.getString("type", ""))))
        .map(e -> {
          var kept = new TreeMap<String, Object>();
          e.forEach(f -> {
            if (f.getValue() instanceof String v && v.startsWith(side.toString())) {
              kept.put(f.getKey(), withoutRunIds(side.relativize(Path.of(v)).toString()));
            } else if (!List.of("unit", "run", "at", "time").contains(f.getKey())) {
              kept.put(f.getKey(), f.getValue());
            }
          });
          return kept.toString();
        })
        .sorted().toList();
  }

  // Temporary names and trash folders carry the run's id.
  private static String withoutRunIds(String path) {
    return path.replaceAll("\\.vorg-trash/[0-9a-f]+/", ".vorg-trash/RUN/").replaceAll("/\\.vorg-[^/]*$", "/.vorg-TEMP");
  }

  /**
   * Every file below {@code root} but the library's {@code .vorg} folder: path (a trash folder's
   * run id aside) -> SHA-256 of its bytes.
   */
  static Map<String, String> tree(Path root) throws IOException {
    var out = new TreeMap<String, String>();
    if (!Files.exists(root)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.startsWith(".vorg/")) {
          out.put(withoutRunIds(rel), sha256(Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void video(Path in, String rel, long seed) throws IOException {
    bytes(in, rel, 120_000, seed);
  }

  private static void bytes(Path in, String rel, int size, long seed) throws IOException {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    Files.createDirectories(in.resolve(rel).getParent());
    Files.write(in.resolve(rel), b);
  }

  private static void text(Path in, String rel, String content) throws IOException {
    Files.createDirectories(in.resolve(rel).getParent());
    Files.writeString(in.resolve(rel), content, StandardCharsets.UTF_8);
  }
}
