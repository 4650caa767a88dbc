package org.videoorganizer.daemon.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Back up a daemon's installation while it runs, destroy the data_dir (and the database), restore,
 * and a new daemon goes on where the first stopped: same states, journals back, new files get new ids.
 */
@ExtendWith(TestServices.class)
class BackupRoundTripTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private VorgConfig config(Optional<String> databaseUrl) {
    Map<String, String> vars = new HashMap<>(Map.of("VORG_SOURCES", "in=" + dir.resolve("in"),
        "VORG_LIBRARY", dir.resolve("lib").toString(), "VORG_DATA_DIR", dir.resolve("data").toString(),
        "VORG_HTTP_PORT", "0", "VORG_INGEST_STABLE_SECONDS", "1", "VORG_INGEST_RESCAN_SECONDS", "1",
        "VORG_WORKERS_POLL_SECONDS", "1"));
    databaseUrl.ifPresent(u -> vars.put("VORG_DATABASE_URL", u));
    return ConfigLoader.load(Optional.empty(), vars);
  }

  private static void write(Path file, int size, long seed) throws Exception {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private JsonObject status(Daemon d) throws Exception {
    var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + "/api/status"))
        .header("Authorization", "Bearer " + d.httpToken().value()).build(), HttpResponse.BodyHandlers.ofString());
    return new JsonObject(res.body());
  }

  private JsonObject awaitSettled(Daemon d, long videos) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonObject s;
    do {
      s = status(d);
      long total = s.getJsonObject("videos").stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
      if (total >= videos && s.getJsonObject("queue").getLong("queued") == 0 && s.getJsonObject("queue").getLong("running") == 0) {
        return s;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("not settled: " + s.encodePrettily());
  }

  private List<String> journals() throws Exception {
    Path j = dir.resolve("lib").resolve(BackupArchive.JOURNALS);
    if (!Files.isDirectory(j)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(j)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private void roundTrip(Optional<String> before, Optional<String> after) throws Exception {
    write(dir.resolve("in/The Matrix (1999) 1080p.mkv"), 300_000, 1);
    write(dir.resolve("in/Breaking.Bad.S01E02.720p.mkv"), 200_000, 2);
    write(dir.resolve("in/copy/the matrix again.mkv"), 300_000, 1); // a duplicate: videos.duplicate_of refers to videos
    Daemon first = Daemon.start(config(before));
    Path archive = dir.resolve("backups/one.zip");
    JsonObject was;
    List<String> journals;
    try {
      was = awaitSettled(first, 3).getJsonObject("videos");
      assertThat(was.getLong("organized")).isEqualTo(2);
      assertThat(was.getLong("duplicate")).isEqualTo(1);
      journals = journals();
      assertThat(journals).isNotEmpty();
      // While the daemon runs: its embedded server is used, not started a second time.
      BackupArchive.Written w = new Backups(config(before), Optional.empty()).backup(archive);
      assertThat(w.rows()).containsEntry("videos", 3L).containsEntry("organized_files", 2L);
      assertThat(w.journals()).isEqualTo(journals.size());
    } finally {
      first.stop();
    }
    assertThat(archive).exists();
    try (Stream<Path> s = Files.list(archive.getParent())) {
      assertThat(s).as("no temporary left behind").containsExactly(archive);
    }

    deleteTree(dir.resolve("data"));
    deleteTree(dir.resolve("lib").resolve(BackupArchive.JOURNALS));

    Backups.Restored r = new Backups(config(after), Optional.empty()).restore(archive);
    assertThat(r.journals()).isEqualTo(journals.size());
    assertThat(journals()).isEqualTo(journals);
    assertThatThrownBy(() -> new Backups(config(after), Optional.empty()).restore(archive))
        .as("a second restore over the first is refused").hasMessageContaining("empty");

    write(dir.resolve("in/Inception (2010).mkv"), 250_000, 3);
    Daemon second = Daemon.start(config(after));
    try {
      JsonObject now = awaitSettled(second, 4).getJsonObject("videos");
      assertThat(now.getLong("organized")).as("the old ones as they were, the new one organized with a fresh id").isEqualTo(3);
      assertThat(now.getLong("duplicate")).isEqualTo(1);
      assertThat(Files.exists(dir.resolve("lib/Movies/Inception (2010)/Inception (2010).mkv"))).isTrue();
    } finally {
      second.stop();
    }
  }

  @Test
  void anExternalDatabaseComesBackIntoAnEmptyOneAndTheDaemonGoesOn(TestServices.Env env) throws Exception {
    roundTrip(Optional.of(env.pgUrl()), Optional.of(TestServices.newDatabase()));
  }

  @Test
  void theEmbeddedDatabaseComesBackIntoAnEmptyDataDirAndTheDaemonGoesOn() throws Exception {
    roundTrip(Optional.empty(), Optional.empty());
  }

  @Test
  void aBrokenArchiveIsRefusedAndNothingIsWritten() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.zip"), "not a zip");
    assertThatThrownBy(() -> new Backups(config(Optional.empty()), Optional.empty()).restore(bad))
        .hasMessageContaining("not a vorg backup");
    assertThat(dir.resolve("data/postgres")).doesNotExist();
  }

  @Test
  void retentionKeepsTheNewestOfOurArchivesAndLeavesOtherFiles() throws Exception {
    Path d = Files.createDirectories(dir.resolve("b"));
    for (String n : List.of("vorg-backup-20261201-000000.zip", "vorg-backup-20261202-000000.zip",
        "vorg-backup-20261203-000000.zip", "notes.txt")) {
      Files.writeString(d.resolve(n), n);
    }
    assertThat(Backups.prune(d, 2)).containsExactly(d.resolve("vorg-backup-20261201-000000.zip"));
    try (Stream<Path> s = Files.list(d)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("vorg-backup-20261202-000000.zip",
          "vorg-backup-20261203-000000.zip", "notes.txt");
    }
  }

  private static void deleteTree(Path p) throws Exception {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
