package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.daemon.app.MountPoints.await;
import static org.videoorganizer.daemon.app.MountPoints.count;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
class MountDroppedMidJobTest {

  @TempDir Path dir;

  @Test
  void aJobWhoseSourceMountDroppedWaitsInsteadOfCallingTheFileVanished(TestServices.Env env) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.createFile(in.resolve(".vorg-mounted"));
    DaemonTest.write(in.resolve("Ronin (1998).mkv"), 30_000, 4);
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Daemon d = MountPoints.start(dir, env,
        Map.of("VORG_SOURCES", "in=" + in + ";marker=.vorg-mounted", "VORG_LIBRARY_MARKER", ".m"));
    try {
      await(d, s -> count(s, "identified") == 1 && !s.getJsonArray("waiting").isEmpty()); // held by the library
      Path remote = MountPoints.drop(in);
      Files.createFile(lib.resolve(".m")); // the library is back; now the source is the one missing
      JsonObject held = await(d, s -> s.getJsonArray("waiting").encode().contains("source 'in' is not mounted"));
      assertThat(count(held, "vanished")).as(held.encodePrettily()).isZero();
      assertThat(count(held, "identified")).isEqualTo(1);
      MountPoints.restore(in, remote);
      await(d, s -> count(s, "organized") == 1 && s.getJsonArray("waiting").isEmpty());
      assertThat(lib.resolve("Movies/Ronin (1998)/Ronin (1998).mkv")).exists();
    } finally {
      d.stop();
    }
  }
}
