package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.daemon.app.MountPoints.await;
import static org.videoorganizer.daemon.app.MountPoints.count;
import static org.videoorganizer.daemon.app.MountPoints.firstSource;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.config.VorgConfig.IngestConfig;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * A download that keeps writing, through the whole daemon and {@code /api/status}. The limit is
 * 2 s (the configuration holds a duration; the file's key is in minutes) and a file must be
 * unchanged for 5 s to be taken, so a writer that pauses for a moment does not end the test early.
 */
@ExtendWith(TestServices.class)
class UnstableFileTest {

  @TempDir Path dir;

  @Test
  void aFileThatKeepsChangingIsListedWithTheReasonAndTakenOnceItStops(TestServices.Env env) throws Exception {
    VorgConfig base = DaemonTest.config(dir, env, Map.of());
    VorgConfig config = new VorgConfig(base.sources(), base.library(), base.libraryMarker(), base.mode(),
        base.database(), base.redis(), base.http(), base.dataDir(), new IngestConfig(5, 1, false, Duration.ofSeconds(2)),
        base.workers(), base.tmdb(), base.jellyfin(), base.rclone());
    Path file = dir.resolve("in/Ronin (1998).mkv");
    DaemonTest.write(file, 30_000, 3);
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer = Thread.ofVirtual().start(() -> {
      try {
        while (writing.get()) {
          Files.write(file, new byte[1024], StandardOpenOption.APPEND);
          Thread.sleep(200);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Daemon d = Daemon.start(config);
    try {
      JsonObject listed = await(d, s -> !firstSource(s).getJsonArray("unstable").isEmpty());
      JsonObject unstable = firstSource(listed).getJsonArray("unstable").getJsonObject(0);
      assertThat(unstable.getString("path")).isEqualTo("Ronin (1998).mkv");
      assertThat(unstable.getString("reason")).startsWith("still changing after ")
          .contains(": is a download stalled? It is taken as soon as it stops changing");
      assertThat(firstSource(listed).getInteger("unstable_count")).isEqualTo(1);
      assertThat(listed.getJsonObject("videos")).as("not rejected, not recorded").isEmpty();

      writing.set(false);
      writer.join();
      JsonObject done = await(d, s -> count(s, "organized") == 1);
      assertThat(firstSource(done).getJsonArray("unstable")).isEmpty();
      assertThat(dir.resolve("lib/Movies/Ronin (1998)/Ronin (1998).mkv")).exists();
    } finally {
      writing.set(false);
      d.stop();
    }
  }
}
