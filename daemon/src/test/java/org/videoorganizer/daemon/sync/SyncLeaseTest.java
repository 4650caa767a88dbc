package org.videoorganizer.daemon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.VorgConfig.RcloneConfig;
import org.videoorganizer.config.VorgConfig.RemoteSourceConfig;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.SyncStore;
import org.videoorganizer.daemon.testsupport.TestServices;

/** Two daemons' schedulers on one database: a remote source runs on one of them, the other stands by and takes over. */
@ExtendWith(TestServices.class)
class SyncLeaseTest {

  @TempDir Path dir;
  private final List<RcdSupervisor> rcds = new java.util.ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void stopRclone() {
    rcds.forEach(RcdSupervisor::close);
  }

  @Test
  void aRemoteSourceRunsOnOneDaemonAtATimeAndTheOtherTakesOverWhenItStops() throws Exception {
    RcloneHarness.assumeRclone();
    Path cloud = Files.createDirectories(dir.resolve("cloud"));
    RemoteSourceDaemonTest.write(cloud.resolve("Heat (1995).mkv"), 100_000, 1);
    RemoteSourceDaemonTest.write(cloud.resolve("Alien (1979).mkv"), 120_000, 2);
    Vertx vertx = Vertx.vertx();
    try (CloudServeHarness serve = new CloudServeHarness(cloud, null, dir.resolve("serve.log"))) {
      Path conf = Files.writeString(dir.resolve("rclone.conf"), serve.remote("gdrive"));
      Database db = Database.open(vertx, TestServices.newDatabase(), 4).await();
      RcloneConfig config = new RcloneConfig("rclone", Optional.of(conf), Optional.empty(), 2,
          List.of(new RemoteSourceConfig("gdrive", "gdrive:", Duration.ofHours(1), Duration.ZERO, false)));
      SyncScheduler a = scheduler(config, dir.resolve("a"), db, "daemon-a");
      SyncScheduler b = scheduler(config, dir.resolve("b"), db, "daemon-b");
      a.start();
      b.start();
      JsonObject first = await("one ran the source", () -> anyOf(a, b), s -> "ok".equals(s.getString("state")));
      SyncScheduler runner = "ok".equals(state(a).getString("state")) ? a : b;
      SyncScheduler standby = runner == a ? b : a;
      String runnerName = runner == a ? "daemon-a" : "daemon-b";
      Path standbyDir = dir.resolve(runner == a ? "b" : "a");
      assertThat(first.getJsonObject("last_run").getInteger("downloaded")).isEqualTo(2);
      JsonObject waiting = await("the other stood by", () -> state(standby), s -> "standby".equals(s.getString("state")));
      assertThat(waiting.getString("held_by")).isEqualTo(runnerName);
      assertThat(staged(standbyDir)).as("the standby downloaded nothing").isEmpty();

      runner.close(); // gives the lease back
      JsonObject taken = await("the standby took over", () -> state(standby), s -> "ok".equals(s.getString("state")));
      assertThat(taken.getValue("held_by")).isNull();
      assertThat(taken.getJsonObject("last_run").getInteger("downloaded")).as("what the first daemon copied is not copied again")
          .isZero();
      assertThat(staged(standbyDir)).isEmpty();
      standby.close();
      db.close().await();
    } finally {
      vertx.close().await();
    }
  }

  private SyncScheduler scheduler(RcloneConfig config, Path dataDir, Database db, String owner) throws Exception {
    RcdSupervisor rcd = SyncScheduler.rcd(config, dataDir).orElseThrow();
    rcds.add(rcd);
    return SyncScheduler.create(config, dataDir, rcd, new SyncStore(db.pool()), owner, false, Clock.systemUTC(), java.util.Optional.empty()).orElseThrow();
  }

  private static JsonObject state(SyncScheduler s) {
    return s.status().getJsonObject("gdrive");
  }

  private static JsonObject anyOf(SyncScheduler a, SyncScheduler b) {
    return "ok".equals(state(a).getString("state")) ? state(a) : state(b);
  }

  private static List<Path> staged(Path dataDir) throws Exception {
    try (Stream<Path> s = Files.walk(dataDir.resolve("staging"))) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  private static JsonObject await(String what, java.util.function.Supplier<JsonObject> status, Predicate<JsonObject> done)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject s = status.get();
    while (System.nanoTime() < deadline) {
      s = status.get();
      if (done.test(s)) {
        return s;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("never " + what + ": " + s.encodePrettily());
  }
}
