package org.videoorganizer.daemon.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
class PgSyncLedgerTest {

  @TempDir Path tmp;

  @Test
  void aFileRecordedInPostgresIsSkippedByHashOnTheNextRunWithoutAByteTransferred(TestServices.Env env) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (RcloneHarness rclone = new RcloneHarness(tmp, RcloneHarness.localRemote("cloud"));
        PgSyncLedger ledger = new PgSyncLedger(vertx, env.pgUrl())) {
      Path cloud = Files.createDirectories(tmp.resolve("cloud"));
      Files.writeString(cloud.resolve("a.mkv"), "movie bytes");
      Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
      RemoteSourceRunner runner = new RemoteSourceRunner(rclone.rcd, tmp.resolve("staging"), ledger, ledger, later);
      RemoteSource source = RemoteSource.of("gdrive", "cloud:" + cloud);
      assertEquals(1, runner.run(source).downloaded().size());
      assertEquals(1, ledger.rows("downloaded"));
      Files.delete(tmp.resolve("staging/gdrive/a.mkv")); // organized away into the library
      long before = rclone.rcd.client().stats().bytes();
      SourceRun second = runner.run(source);
      assertEquals(1, second.skippedKnown());
      assertEquals(before, rclone.rcd.client().stats().bytes(), "nothing downloaded the second time");
    } finally {
      vertx.close().await();
    }
  }
}
