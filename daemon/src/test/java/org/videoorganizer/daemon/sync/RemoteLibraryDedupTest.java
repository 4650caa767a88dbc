package org.videoorganizer.daemon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.SyncStore;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Deduplication against a library on a storage box (OpenSSH on loopback): what the publisher
 * placed and what was on the box before the daemon both keep a remote source's copy of the same
 * content from being downloaded.
 */
@ExtendWith(TestServices.class)
class RemoteLibraryDedupTest {

  @TempDir Path dir;
  private SftpServerHarness box;
  private CloudServeHarness cloud;
  private RcdSupervisor rcd;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void tearDown() throws Exception {
    if (rcd != null) {
      rcd.close();
    }
    if (cloud != null) {
      cloud.close();
    }
    if (box != null) {
      box.close();
    }
  }

  @Test
  void aFileThePublisherPlacedIsKnownByMd5AndByTheSourcesTypesWithoutAskingTheServer(TestServices.Env env) throws Exception {
    RcloneHarness.assumeRclone();
    box = new SftpServerHarness(dir.resolve("sshd"));
    Path remoteLib = Files.createDirectories(dir.resolve("remote-lib"));
    Path conf = Files.writeString(dir.resolve("rclone.conf"), box.remote("box", box.userKey));
    rcd = new RcdSupervisor(RcloneSettings.defaults().withConfigFile(conf), dir.resolve("rcd.log"));
    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, env.pgUrl(), 2).await();
    try {
      SyncStore store = new SyncStore(db.pool());
      // a OneDrive source has listed a file: its type, quickxor, is hashed too; sha1, which no source gave, is not
      store.recordSkipped("onedrive", "onedrive:Videos", new RemoteFile("other.mkv", 5, java.time.Instant.EPOCH,
          java.util.Map.of("quickxor", "0123456789abcdef0123456789abcdef01234567")));
      String fs = "box:" + remoteLib;
      Path staging = dir.resolve("data/library-staging");
      Path video = staging.resolve("Movies/Heat (1995)/Heat (1995).mkv");
      Files.createDirectories(video.getParent());
      byte[] movie = RemoteLibraryPublisherTest.bytes(180_000, 11);
      Files.write(video, movie);
      try (RemoteLibrary remote = new RemoteLibrary(rcd, staging, fs, dir.resolve("data/publish.journal"),
          Optional.of(new RemoteLibraryFiles(rcd, fs, store, Clock.systemUTC())))) {
        assertThat(remote.afterOrganize("video-1", List.of(video)).complete()).isTrue();
      }
      assertThat(video).as("the staged copy is gone once placed").doesNotExist();
      KnownHashes.Key md5 = new KnownHashes.Key(hex("MD5", movie), movie.length);
      KnownHashes.Key sha1 = new KnownHashes.Key(hex("SHA-1", movie), movie.length);
      Path copy = Files.write(dir.resolve("copy.mkv"), movie);
      KnownHashes.Key quickxor = new KnownHashes.Key(LocalHash.of(copy, "quickxor"), movie.length);
      assertThat(store.knownAmong("md5", List.of(md5))).containsExactly(md5);
      assertThat(store.knownAmong("quickxor", List.of(quickxor))).containsExactly(quickxor);
      assertThat(store.knownAmong("sha1", List.of(sha1))).as("no source gave sha1: not hashed").isEmpty();
      assertThat(store.knownAmong("md5", List.of(new KnownHashes.Key(md5.hash(), movie.length + 1))))
          .as("another size is other content").isEmpty();
      assertThat(store.unhashedRemoteLibraryFiles(fs, movie.length, "md5")).as("nothing left to ask the server").isEmpty();

      // The file is deleted on the box by hand: the next listing drops it, and its hashes no longer count.
      Files.delete(remoteLib.resolve("Movies/Heat (1995)/Heat (1995).mkv"));
      assertThat(new RemoteLibraryFiles(rcd, fs, store, Clock.systemUTC()).refresh()).isZero();
      assertThat(store.knownAmong("md5", Set.of(md5))).as("gone from the library, no longer known").isEmpty();
    } finally {
      db.close().await();
      vertx.close().await();
    }
  }

  @Test
  void aRemoteSourcesCopyOfAFileAlreadyOnTheBoxIsNeverDownloaded() throws Exception {
    RcloneHarness.assumeRclone();
    box = new SftpServerHarness(dir.resolve("sshd"));
    cloud = new CloudServeHarness(Files.createDirectories(dir.resolve("cloud")), null, dir.resolve("serve.log"));
    Files.writeString(dir.resolve("rclone.conf"), box.remote("box", box.userKey) + cloud.remote("gdrive"));
    // On the box before the daemon ever ran: no row, no staged copy, no journal knows it.
    byte[] heat = RemoteSourceDaemonTest.write(dir.resolve("remote-lib/Movies/Heat (1995)/Heat (1995).mkv"), 400_000, 21);
    Files.writeString(dir.resolve("remote-lib/Movies/Heat (1995)/movie.nfo"), "<movie/>");
    Path copy = dir.resolve("cloud/old/heat copy.mkv");
    Files.createDirectories(copy.getParent());
    Files.write(copy, heat);
    Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

    Path yaml = Files.writeString(dir.resolve("vorg.yaml"), "sources:\n  - {name: gdrive, remote: 'gdrive:', schedule: daily}\n");
    Map<String, String> vars = new HashMap<>(Map.of(
        "VORG_LIBRARY", "box:" + dir.resolve("remote-lib"),
        "VORG_DATA_DIR", dir.resolve("data").toString(),
        "VORG_DATABASE_URL", TestServices.newDatabase(),
        "VORG_HTTP_PORT", "0",
        "VORG_INGEST_STABLE_SECONDS", "1",
        "VORG_INGEST_RESCAN_SECONDS", "1",
        "VORG_WORKERS_POLL_SECONDS", "1",
        "VORG_RCLONE_CONFIG", dir.resolve("rclone.conf").toString()));
    Daemon d = Daemon.start(ConfigLoader.load(Optional.of(yaml), vars));
    try {
      JsonObject sync = awaitRun(d).getJsonObject("daemon").getJsonObject("sync").getJsonObject("gdrive");
      JsonObject run = sync.getJsonObject("last_run");
      assertThat(sync.getString("state")).as(sync.encodePrettily()).isEqualTo("ok");
      assertThat(run.getInteger("downloaded")).isZero();
      assertThat(run.getLong("downloaded_bytes")).isZero();
      assertThat(run.getInteger("skipped_known")).isEqualTo(1);
      assertThat(run.getJsonArray("already_in_library").getList()).containsExactly("old/heat copy.mkv");
      assertThat(sync.getJsonObject("progress").getLong("bytes")).as("bytes rclone transferred in the run").isZero();
      try (Stream<Path> staged = Files.walk(dir.resolve("data/staging/gdrive"))) {
        assertThat(staged.filter(Files::isRegularFile).toList()).as("nothing staged, not even a partial").isEmpty();
      }
      assertThat(copy).as("the cloud original is untouched").exists();
    } finally {
      d.stop();
    }
  }

  private JsonObject awaitRun(Daemon d) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject s = new JsonObject();
    while (System.nanoTime() < deadline) {
      s = new JsonObject(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + "/api/status"))
          .header("Authorization", "Bearer " + d.httpToken().value()).build(), HttpResponse.BodyHandlers.ofString()).body());
      JsonObject g = s.getJsonObject("daemon").getJsonObject("sync").getJsonObject("gdrive");
      if (g != null && g.getJsonObject("last_run") != null || g != null && "failed".equals(g.getString("state"))) {
        return s;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the source never ran: " + s.encodePrettily());
  }

  private static String hex(String algorithm, byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
  }
}
