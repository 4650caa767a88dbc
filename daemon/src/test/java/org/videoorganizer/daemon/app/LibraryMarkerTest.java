package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.daemon.app.MountPoints.await;
import static org.videoorganizer.daemon.app.MountPoints.count;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
class LibraryMarkerTest {

  @TempDir Path dir;

  @Test
  void nothingIsWrittenIntoALibraryWhoseMarkerIsMissingAndTheWorkGoesOnOnceItIsBack(TestServices.Env env)
      throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib")); // the mount point, with the mount down
    DaemonTest.write(dir.resolve("in/Ronin (1998).mkv"), 30_000, 3);
    Daemon d = MountPoints.start(dir, env, Map.of("VORG_LIBRARY_MARKER", ".vorg-mounted"));
    try {
      JsonObject waiting = await(d, s -> count(s, "identified") == 1 && !s.getJsonArray("waiting").isEmpty());
      JsonObject why = waiting.getJsonArray("waiting").getJsonObject(0);
      assertThat(why.getString("stage")).isEqualTo("organize");
      assertThat(why.getString("reason")).isEqualTo("the library is not mounted: its marker file "
          + lib.resolve(".vorg-mounted") + " is missing; waiting until it is back");
      Thread.sleep(3_000); // several waits: more than max_attempts
      JsonObject later = MountPoints.status(d);
      assertThat(count(later, "failed")).as("a mount that is down never fails a job: %s", later.encodePrettily()).isZero();
      assertThat(count(later, "identified")).isEqualTo(1);
      try (Stream<Path> files = Files.list(lib)) {
        assertThat(files).as("nothing written onto the local disk under the mount point").isEmpty();
      }
      assertThat(dir.resolve("in/Ronin (1998).mkv")).exists();

      Files.createFile(lib.resolve(".vorg-mounted")); // the mount is back
      JsonObject done = await(d, s -> count(s, "organized") == 1);
      assertThat(done.getJsonArray("waiting")).isEmpty();
      assertThat(lib.resolve("Movies/Ronin (1998)/Ronin (1998).mkv")).exists();
    } finally {
      d.stop();
    }
  }
}
