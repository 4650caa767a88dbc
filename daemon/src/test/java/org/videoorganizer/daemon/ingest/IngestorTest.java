package org.videoorganizer.daemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.VorgConfig.IngestConfig;
import org.videoorganizer.config.VorgConfig.SourceConfig;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.VideoStore;
import org.videoorganizer.daemon.testsupport.TestServices;

/** A scan in progress is visible with its age (a walk of a hung mount would stay there), and gone after. */
@ExtendWith(TestServices.class)
class IngestorTest {

  @TempDir Path dir;

  @Test
  void aScanInProgressIsListedWithItsAgeAndNotAfterTheIngestorStopped(TestServices.Env env) throws Exception {
    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, env.pgUrl(), 2).await();
    Path in = Files.createDirectories(dir.resolve("in"));
    for (int i = 0; i < 3_000; i++) {
      Files.createFile(in.resolve("file " + i + ".mkv")); // a walk long enough to be seen
    }
    var ingestor = new Ingestor(new VideoStore(db.pool()), List.of(new SourceConfig("in", in)),
        new IngestConfig(3_600, 1, false, Duration.ofMinutes(360)), id -> { }, java.time.Clock.systemUTC());
    try {
      ingestor.start();
      Map<String, Long> seen = Map.of();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (seen.isEmpty() && System.nanoTime() < deadline) {
        seen = ingestor.slowScans(Duration.ZERO);
      }
      assertThat(seen).containsOnlyKeys("in");
      assertThat(seen.get("in")).isNotNegative();
      assertThat(ingestor.slowScans(Duration.ofMinutes(5))).as("not slow by the daemon's measure").isEmpty();
    } finally {
      ingestor.stop();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!ingestor.slowScans(Duration.ZERO).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(ingestor.slowScans(Duration.ZERO)).as("no scan runs once stopped").isEmpty();
    db.close().await();
    vertx.close().await();
  }
}
