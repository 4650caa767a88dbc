package org.videoorganizer.daemon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.DaemonProcess;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * The daemon with {@code library: "box:<dir>"} on Debian's OpenSSH over loopback: each organized
 * unit is published from {@code data_dir/library-staging}, a taken name is never overwritten, and
 * a daemon killed with SIGKILL mid-upload is finished by the next start.
 */
@ExtendWith(TestServices.class)
class RemoteLibraryDaemonTest {

  @TempDir Path dir;
  private SftpServerHarness box;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void tearDown() throws Exception {
    // A test that failed between the SIGKILL and the next start leaves the killed daemon's rclone running.
    Path pid = dir.resolve("data/rclone/rcd.pid");
    if (Files.exists(pid)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
          .filter(h -> h.info().command().map(c -> c.endsWith("rclone")).orElse(false))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
    if (box != null) {
      box.close();
    }
  }

  private Map<String, String> env() throws Exception {
    RcloneHarness.assumeRclone();
    box = new SftpServerHarness(dir.resolve("sshd"));
    Files.writeString(dir.resolve("rclone.conf"), box.remote("box", box.userKey));
    Files.createDirectories(dir.resolve("remote-lib"));
    Map<String, String> vars = new HashMap<>(Map.of(
        "VORG_SOURCES", "in=" + dir.resolve("in"),
        "VORG_LIBRARY", "box:" + dir.resolve("remote-lib"),
        "VORG_DATA_DIR", dir.resolve("data").toString(),
        "VORG_DATABASE_URL", TestServices.newDatabase(),
        "VORG_HTTP_PORT", "0",
        "VORG_INGEST_STABLE_SECONDS", "1",
        "VORG_INGEST_RESCAN_SECONDS", "1",
        "VORG_WORKERS_POLL_SECONDS", "1",
        "VORG_RCLONE_CONFIG", dir.resolve("rclone.conf").toString()));
    vars.put("HOME", System.getProperty("user.home"));
    return vars;
  }

  @Test
  void eachOrganizedUnitIsPublishedToTheRemoteAndATakenNameIsNeverOverwritten() throws Exception {
    Map<String, String> vars = env();
    byte[] heat = RemoteSourceDaemonTest.write(dir.resolve("in/Heat (1995).mkv"), 200_000, 1);
    Files.writeString(dir.resolve("in/Heat (1995).en.srt"), "1\n00:00:01,000 --> 00:00:02,000\nhi\n");
    RemoteSourceDaemonTest.write(dir.resolve("in/Alien (1979).mkv"), 150_000, 2);
    Path taken = dir.resolve("remote-lib/Movies/Alien (1979)/Alien (1979).mkv");
    Files.createDirectories(taken.getParent());
    Files.writeString(taken, "someone else's file");

    Daemon d = Daemon.start(ConfigLoader.load(Optional.empty(), vars));
    try {
      JsonObject s = await(d, "published Heat and refused Alien", x -> videos(x, "organized") == 1 && videos(x, "needs_review") == 1);
      JsonObject remote = s.getJsonObject("daemon").getJsonObject("remote_library");
      assertThat(remote.getLong("published_units")).as(remote.encodePrettily()).isEqualTo(1);
      assertThat(remote.getLong("conflicts")).isEqualTo(1);
      assertThat(Files.readAllBytes(dir.resolve("remote-lib/Movies/Heat (1995)/Heat (1995).mkv"))).isEqualTo(heat);
      assertThat(dir.resolve("remote-lib/Movies/Heat (1995)/Heat (1995).en.srt")).exists();
      assertThat(stagedFiles()).as("nothing of the published unit is left in the staging tree").isEmpty();
      assertThat(Files.readString(taken)).as("never overwritten").isEqualTo("someone else's file");
      assertThat(stagedVideos()).as("Heat left staging once verified; Alien never entered it").isEmpty();
      assertThat(dir.resolve("in/Alien (1979).mkv")).as("a taken name is a question before anything moves").exists();
      assertThat(temporaries()).isEmpty();
    } finally {
      d.stop();
    }
  }

  @Test
  void aDvdRipFolderReachesTheBoxWholeAsOneMovie() throws Exception {
    Map<String, String> vars = env();
    Path title = dir.resolve("in/Heat (1995)");
    Map<String, byte[]> rip = new java.util.TreeMap<>();
    long seed = 10;
    for (String f : List.of("VIDEO_TS/VIDEO_TS.IFO", "VIDEO_TS/VIDEO_TS.BUP", "VIDEO_TS/VTS_01_0.IFO",
        "VIDEO_TS/VTS_01_0.BUP", "VIDEO_TS/VTS_01_1.VOB", "VIDEO_TS/VTS_01_2.VOB")) {
      rip.put(f, RemoteSourceDaemonTest.write(title.resolve(f), f.endsWith(".VOB") ? 300_000 : 8_000, seed++));
    }
    Daemon d = Daemon.start(ConfigLoader.load(Optional.empty(), vars));
    try {
      JsonObject s = await(d, "published the disc", x -> videos(x, "organized") == 1);
      assertThat(s.getJsonObject("daemon").getJsonObject("remote_library").getLong("published_units")).isEqualTo(1);
    } finally {
      d.stop();
    }
    Path movie = dir.resolve("remote-lib/Movies/Heat (1995)");
    for (Map.Entry<String, byte[]> f : rip.entrySet()) {
      assertThat(Files.readAllBytes(movie.resolve(f.getKey()))).as(f.getKey()).isEqualTo(f.getValue());
    }
    try (Stream<Path> all = Files.walk(movie)) {
      assertThat(all.filter(Files::isRegularFile).map(p -> movie.relativize(p).toString()).sorted().toList())
          .as("the disc and nothing else (no ids, so no NFO is written)").containsExactlyElementsOf(rip.keySet());
    }
    assertThat(Files.readAllLines(dir.resolve("data/publish.journal")).stream().filter(l -> l.startsWith("UPLOAD\t")))
        .as("each disc file was uploaded into the one temporary folder").hasSize(rip.size())
        .allMatch(l -> l.split("\t")[3].startsWith("Movies/Heat (1995)/.vorg-") && l.split("\t")[3].contains("-VIDEO_TS.part/"));
    assertThat(temporaries()).isEmpty();
    assertThat(stagedFiles()).as("nothing of the disc left in the staging tree").isEmpty();
  }

  @Test
  void aDaemonKilledMidUploadLeavesEveryByteInOnePlaceAndTheNextStartFinishes() throws Exception {
    Map<String, String> vars = env();
    vars.put("VORG_RCLONE_BWLIMIT", "2M"); // slow enough to be killed in the middle
    vars.put("VORG_WORKERS_LEASE_SECONDS", "5"); // the killed daemon's organize job is taken over soon
    byte[] big = RemoteSourceDaemonTest.write(dir.resolve("in/Ronin (1998).mkv"), 6_000_000, 3);
    Path neighbour = dir.resolve("remote-lib/Movies/Heat (1995)/Heat (1995).mkv");
    Files.createDirectories(neighbour.getParent());
    Files.writeString(neighbour, "already in the library before the daemon");
    Path log = dir.resolve("daemon.log");
    Path placed = dir.resolve("remote-lib/Movies/Ronin (1998)/Ronin (1998).mkv");
    Path staged = dir.resolve("data/library-staging/Movies/Ronin (1998)/Ronin (1998).mkv");
    try (DaemonProcess first = DaemonProcess.start(vars, log)) {
      SigkillPublishTest.awaitTemporaryOver(dir.resolve("remote-lib"), 500_000, first::alive);
      first.kill(); // SIGKILL
    }
    assertThat(placed).as("killed before the rename").doesNotExist();
    for (Path t : temporaries()) { // rclone removes a cut upload itself when the daemon's call goes away
      assertThat(Files.size(t)).as("a cut upload is at most a partial hidden temporary").isLessThan(big.length);
    }
    assertThat(stagedVideos()).as("the staged copy is the one whole copy").containsExactly("Movies/Ronin (1998)/Ronin (1998).mkv");
    assertThat(Files.readAllBytes(staged)).isEqualTo(big);
    assertThat(wholeCopiesInLibrary(big)).as("no whole copy in the library yet").isZero();

    vars.remove("VORG_RCLONE_BWLIMIT");
    try (DaemonProcess second = DaemonProcess.start(vars, log)) {
      JsonObject s = awaitProcess(second, "finished the upload", x -> videos(x, "organized") == 1);
      JsonObject remote = s.getJsonObject("daemon").getJsonObject("remote_library");
      assertThat(remote.getLong("recovered_units")).as(remote.encodePrettily()).isEqualTo(1);
      assertThat(remote.getJsonArray("recovered").getJsonObject(0).getBoolean("complete")).isTrue();
      assertThat(remote.getLong("conflicts")).isZero();
      second.terminate(Duration.ofSeconds(30));
    }
    assertThat(Files.readAllBytes(placed)).isEqualTo(big);
    assertThat(wholeCopiesInLibrary(big)).as("the video is in the library once").isEqualTo(1);
    assertThat(Files.readString(neighbour)).as("nothing overwritten").isEqualTo("already in the library before the daemon");
    assertThat(stagedVideos()).as("no second copy in staging").isEmpty();
    assertThat(temporaries()).as("no temporary left on the remote").isEmpty();
    assertThat(dir.resolve("in/Ronin (1998).mkv")).as("the source was retired (to its trash), not kept").doesNotExist();
    List<String> journal = Files.readAllLines(dir.resolve("data/publish.journal"));
    assertThat(journal).as("the journal tells the resumed unit's story").anyMatch(l -> l.startsWith("PLACED\t")
        && l.endsWith("Movies/Ronin (1998)/Ronin (1998).mkv")).anyMatch(l -> l.startsWith("DONE\t"));
  }

  private long wholeCopiesInLibrary(byte[] content) throws Exception {
    try (Stream<Path> s = Files.walk(dir.resolve("remote-lib"))) {
      return s.filter(Files::isRegularFile).filter(p -> {
        try {
          return Files.size(p) == content.length && java.util.Arrays.equals(Files.readAllBytes(p), content);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).count();
    }
  }

  static long videos(JsonObject s, String state) {
    return Optional.ofNullable(s.getJsonObject("videos")).map(v -> v.getLong(state, 0L)).orElse(0L);
  }

  private List<String> stagedVideos() throws Exception {
    Path staging = dir.resolve("data/library-staging");
    try (Stream<Path> s = Files.walk(staging)) {
      return s.filter(p -> p.toString().endsWith(".mkv")).map(p -> staging.relativize(p).toString()).sorted().toList();
    }
  }

  private List<String> stagedFiles() throws Exception {
    Path staging = dir.resolve("data/library-staging");
    try (Stream<Path> s = Files.walk(staging)) {
      return s.filter(Files::isRegularFile).map(p -> staging.relativize(p).toString()).filter(p -> !p.startsWith(".vorg/"))
          .sorted().toList();
    }
  }

  private List<Path> temporaries() throws Exception {
    try (Stream<Path> s = Files.walk(dir.resolve("remote-lib"))) {
      return s.filter(p -> p.getFileName().toString().startsWith(".vorg-")).toList();
    }
  }

  private JsonObject await(Daemon d, String what, Predicate<JsonObject> done) throws Exception {
    return awaitStatus(what, done, () -> new JsonObject(http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + d.httpPort() + "/api/status"))
        .header("Authorization", "Bearer " + d.httpToken().value()).build(), HttpResponse.BodyHandlers.ofString()).body()));
  }

  private JsonObject awaitProcess(DaemonProcess d, String what, Predicate<JsonObject> done) throws Exception {
    return awaitStatus(what, done, () -> {
      var res = http.send(d.statusRequest().build(), HttpResponse.BodyHandlers.ofString());
      return res.statusCode() == 200 ? new JsonObject(res.body()) : new JsonObject();
    });
  }

  private interface StatusCall {
    JsonObject get() throws Exception;
  }

  private static JsonObject awaitStatus(String what, Predicate<JsonObject> done, StatusCall call) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonObject s = new JsonObject();
    while (System.nanoTime() < deadline) {
      s = call.get();
      if (done.test(s)) {
        return s;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("never " + what + ": " + s.encodePrettily());
  }
}
