package org.videoorganizer.daemon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * The daemon with a remote source backed by {@code rclone serve sftp} (a stand-in cloud drive
 * that gives md5 and sha1): downloads, organizes, skips what the library has, shows the status.
 */
@ExtendWith(TestServices.class)
class RemoteSourceDaemonTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private CloudServeHarness cloud;

  @AfterEach
  void tearDown() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  static byte[] write(Path file, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1)))); // settled upload
    return bytes;
  }

  private String pgUrl;

  // Each test its own database: the counts in the status are the test's own.
  VorgConfig config(TestServices.Env env, String sourcesYaml, Map<String, String> extra) throws IOException {
    Path yaml = Files.writeString(dir.resolve("vorg.yaml"), "sources:\n" + sourcesYaml);
    Map<String, String> vars = new HashMap<>(Map.of(
        "VORG_LIBRARY", dir.resolve("lib").toString(),
        "VORG_DATA_DIR", dir.resolve("data").toString(),
        "VORG_DATABASE_URL", pgUrl(),
        "VORG_HTTP_PORT", "0",
        "VORG_INGEST_STABLE_SECONDS", "1",
        "VORG_INGEST_RESCAN_SECONDS", "1",
        "VORG_WORKERS_POLL_SECONDS", "1",
        "VORG_RCLONE_CONFIG", dir.resolve("rclone.conf").toString()));
    vars.putAll(extra);
    return ConfigLoader.load(Optional.of(yaml), vars);
  }

  String pgUrl() throws IOException {
    try {
      return pgUrl != null ? pgUrl : (pgUrl = TestServices.newDatabase());
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  Path startCloud() throws Exception {
    Path root = Files.createDirectories(dir.resolve("cloud"));
    cloud = new CloudServeHarness(root, null, dir.resolve("serve.log"));
    Files.writeString(dir.resolve("rclone.conf"), cloud.remote("gdrive"));
    return root;
  }

  JsonObject status(Daemon d) throws Exception {
    var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + "/api/status"))
        .header("Authorization", "Bearer " + d.httpToken().value()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(200);
    return new JsonObject(res.body());
  }

  JsonObject await(Daemon d, String what, Predicate<JsonObject> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject s = status(d);
    while (System.nanoTime() < deadline) {
      s = status(d);
      if (done.test(s)) {
        return s;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("never " + what + ": " + s.encodePrettily());
  }

  static long organized(JsonObject s) {
    return s.getJsonObject("videos").getLong("organized", 0L);
  }

  List<String> library() throws IOException {
    try (Stream<Path> lib = Files.walk(dir.resolve("lib"))) {
      return lib.filter(p -> p.toString().endsWith(".mkv")).map(p -> dir.resolve("lib").relativize(p).toString()).sorted().toList();
    }
  }

  static long count(String pgUrl, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(org.videoorganizer.daemon.testsupport.Servers.jdbc(pgUrl)); ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void downloadsAndOrganizesRemoteVideosAndNeverDownloadsContentTheLibraryHas(TestServices.Env env) throws Exception {
    Path in = dir.resolve("in");
    byte[] heat = write(in.resolve("Heat (1995).mkv"), 200_000, 1);
    String local = "  - {name: in, path: " + in + "}\n";
    Daemon first = Daemon.start(config(env, local, Map.of()));
    try {
      await(first, "organized the local video", s -> organized(s) == 1);
    } finally {
      first.stop();
    }
    Path root = startCloud();
    write(root.resolve("Movies/The Matrix (1999).mkv"), 300_000, 2);
    write(root.resolve("Breaking.Bad.S01E02.mkv"), 250_000, 3);
    Files.createDirectories(root.resolve("old"));
    Files.write(root.resolve("old/heat copy.mkv"), heat, java.nio.file.StandardOpenOption.CREATE_NEW);
    Files.setLastModifiedTime(root.resolve("old/heat copy.mkv"), FileTime.from(Instant.now().minus(Duration.ofDays(1))));

    Daemon d = Daemon.start(config(env, local + "  - {name: gdrive, remote: 'gdrive:', schedule: daily}\n", Map.of()));
    try {
      JsonObject s = await(d, "organized the two remote videos", x -> organized(x) == 3);
      JsonObject sync = s.getJsonObject("daemon").getJsonObject("sync").getJsonObject("gdrive");
      assertThat(sync.getString("state")).as(sync.encodePrettily()).isEqualTo("ok");
      assertThat(sync.getJsonObject("last_run").getInteger("downloaded")).isEqualTo(2);
      assertThat(sync.getJsonObject("last_run").getInteger("skipped_known")).as("the heat copy").isEqualTo(1);
      assertThat(sync.getJsonObject("progress").getLong("bytes"))
          .as("rclone transferred the two new videos and not one byte of the copy of Heat").isEqualTo(300_000 + 250_000);
      assertThat(sync.getString("remote")).isEqualTo("gdrive:");
      assertThat(sync.getValue("problem")).isNull();
      assertThat(library()).containsExactly("Movies/Heat (1995)/Heat (1995).mkv",
          "Movies/The Matrix (1999)/The Matrix (1999).mkv", "TV Shows/Breaking Bad/Season 01/Breaking Bad S01E02.mkv");
      assertThat(dir.resolve("data/staging/gdrive/old/heat copy.mkv")).doesNotExist();
      assertThat(root.resolve("Movies/The Matrix (1999).mkv")).as("cloud originals are kept by default").exists();
      long linked = 0;
      for (int i = 0; i < 50 && linked < 2; i++) {
        linked = count(pgUrl(), "select count(*) from sync_origins o join videos v on v.id = o.video_id "
            + "where o.source = 'gdrive' and o.state = 'downloaded' and v.state = 'organized' and o.hash_type = 'md5'");
        Thread.sleep(200);
      }
      assertThat(linked).as("each download is linked to its organized video, with its remote md5").isEqualTo(2);
      JsonObject cleaned = await(d, "deleted the staged copies", x -> x.getJsonObject("daemon").getJsonObject("sync")
          .getJsonObject("gdrive").getLong("staged_cleaned") >= 2);
      assertThat(cleaned.getJsonObject("daemon").getJsonObject("sync").getJsonObject("gdrive").getString("held_by")).isNull();
      try (Stream<Path> staged = Files.walk(dir.resolve("data/staging/gdrive"))) {
        assertThat(staged.filter(p -> p.toString().endsWith(".mkv")).toList())
            .as("no staged copy (nor its trash copy) once the videos are in the library").isEmpty();
      }
      assertThat(library()).as("the library copies stay").hasSize(3);
      assertThat(s.getJsonArray("sources").stream().map(o -> ((JsonObject) o).getString("name"))).contains("gdrive", "in");
    } finally {
      d.stop();
    }
  }

  @Test
  void aMissingRcloneShowsInTheStatusAndLocalSourcesKeepWorking(TestServices.Env env) throws Exception {
    Path in = dir.resolve("in");
    write(in.resolve("Ronin (1998).mkv"), 100_000, 4);
    Daemon d = Daemon.start(config(env, "  - {name: in, path: " + in + "}\n  - {name: gdrive, remote: 'gdrive:Videos'}\n",
        Map.of("VORG_RCLONE_BINARY", dir.resolve("no-rclone-here").toString())));
    try {
      JsonObject s = await(d, "organized the local video", x -> organized(x) == 1);
      JsonObject sync = await(d, "reported rclone missing",
          x -> "failed".equals(x.getJsonObject("daemon").getJsonObject("sync").getJsonObject("gdrive").getString("state")))
          .getJsonObject("daemon").getJsonObject("sync").getJsonObject("gdrive");
      assertThat(sync.getJsonObject("problem").getString("kind")).isEqualTo("MISSING");
      assertThat(sync.getJsonObject("problem").getString("message")).contains("no-rclone-here", "install rclone");
      assertThat(sync.getString("last_run_at")).isNotNull();
      assertThat(sync.getString("next_run_at")).isNotNull();
      assertThat(organized(s)).isEqualTo(1);
      var ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + "/readyz"))
          .header("Authorization", "Bearer " + d.httpToken().value()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
      assertThat(ready.body()).as("readiness names rclone as down, with the reason").contains("rclone", "MISSING");
    } finally {
      d.stop();
    }
  }

  @Test
  void aRemoteMissingFromRcloneConfIsReportedAsNotConfigured(TestServices.Env env) throws Exception {
    startCloud();
    Daemon d = Daemon.start(config(env, "  - {name: od, remote: 'onedrive:Videos'}\n", Map.of()));
    try {
      JsonObject sync = await(d, "reported the remote unconfigured",
          x -> "failed".equals(x.getJsonObject("daemon").getJsonObject("sync").getJsonObject("od").getString("state")))
          .getJsonObject("daemon").getJsonObject("sync").getJsonObject("od");
      assertThat(sync.getJsonObject("problem").getString("kind")).as(sync.encodePrettily()).isEqualTo("REMOTE_NOT_CONFIGURED");
      assertThat(sync.getJsonObject("problem").getString("message")).contains("onedrive");
    } finally {
      d.stop();
    }
  }

  @Test
  void withDeleteOriginalsTheCloudCopyGoesOnlyOnceOrganizedAndOnlyIfUnchangedSinceTheCopy(TestServices.Env env)
      throws Exception {
    Path root = startCloud();
    byte[] ronin = write(root.resolve("Ronin (1998).mkv"), 120_000, 5);
    write(root.resolve("Alien (1979).mkv"), 130_000, 6);
    Daemon d = Daemon.start(config(env, "  - {name: gdrive, remote: 'gdrive:', delete_originals: true}\n", Map.of()));
    try {
      await(d, "downloaded both", x -> Optional.ofNullable(x.getJsonObject("daemon").getJsonObject("sync")
          .getJsonObject("gdrive").getJsonObject("last_run")).map(r -> r.getInteger("downloaded") == 2).orElse(false));
      // Edited in the cloud after the copy and before the video is confirmed: the edit must survive.
      byte[] edited = write(root.resolve("Alien (1979).mkv"), 130_500, 7);
      JsonObject s = await(d, "settled both originals", x -> x.getJsonObject("daemon").getJsonObject("sync")
          .getJsonObject("gdrive").getJsonObject("originals").size() == 2);
      JsonObject originals = s.getJsonObject("daemon").getJsonObject("sync").getJsonObject("gdrive").getJsonObject("originals");
      assertThat(originals.getInteger("deleted")).as(s.encodePrettily()).isEqualTo(1);
      assertThat(originals.getInteger("kept")).isEqualTo(1);
      assertThat(organized(s)).isEqualTo(2);
      assertThat(root.resolve("Ronin (1998).mkv")).as("confirmed in the library, unchanged: deleted").doesNotExist();
      assertThat(Files.readAllBytes(root.resolve("Alien (1979).mkv"))).as("changed since the copy: kept").isEqualTo(edited);
      assertThat(Files.readAllBytes(dir.resolve("lib/Movies/Ronin (1998)/Ronin (1998).mkv"))).isEqualTo(ronin);
      assertThat(count(pgUrl(), "select count(*) from sync_origins where state = 'original_deleted' and path = 'Ronin (1998).mkv'"))
          .isEqualTo(1);
      assertThat(count(pgUrl(), "select count(*) from sync_origins where state = 'original_kept' and note like '%changed or gone%'"))
          .isEqualTo(1);
    } finally {
      d.stop();
    }
  }
}
