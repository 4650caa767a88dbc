package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.daemon.app.MountPoints.await;
import static org.videoorganizer.daemon.app.MountPoints.count;
import static org.videoorganizer.daemon.app.MountPoints.firstSource;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
class SourceMarkerTest {

  @TempDir Path dir;

  @Test
  void aSourceWhoseMarkerIsMissingIsNotScannedAndNothingInItIsMarkedVanished(TestServices.Env env) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.createFile(in.resolve(".vorg-mounted"));
    DaemonTest.write(in.resolve("Some.Show.S01.720p.mkv"), 20_000, 1); // waits in review: no episode number
    Daemon d = MountPoints.start(dir, env, Map.of("VORG_SOURCES", "in=" + in + ";marker=.vorg-mounted"));
    try {
      await(d, s -> count(s, "needs_review") == 1);
      Path remote = MountPoints.drop(in);
      JsonObject down = await(d, s -> !firstSource(s).getBoolean("available"));
      assertThat(firstSource(down).getString("error")).isEqualTo("the source folder is not mounted: its marker file "
          + in.resolve(".vorg-mounted") + " is missing; not scanned until it is back");
      Thread.sleep(2_500); // more rescans of the empty mount point
      JsonObject still = MountPoints.status(d);
      assertThat(count(still, "vanished")).as("nothing is marked vanished: %s", still.encodePrettily()).isZero();
      assertThat(count(still, "needs_review")).isEqualTo(1);

      DaemonTest.write(remote.resolve("Heat (1995).mkv"), 30_000, 2); // arrives while the mount is down
      MountPoints.restore(in, remote);
      JsonObject up = await(d, s -> firstSource(s).getBoolean("available") && count(s, "organized") == 1);
      assertThat(firstSource(up).getString("error")).isNull();
      assertThat(count(up, "needs_review")).isEqualTo(1);
      assertThat(count(up, "vanished")).isZero();
      assertThat(dir.resolve("lib/Movies/Heat (1995)/Heat (1995).mkv")).exists();
    } finally {
      d.stop();
    }
  }
}
