package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * A library path another unit already holds with other bytes (an earlier {@code vorg organize}
 * run, another source) is never overwritten: the video waits for review with the target and the
 * reason, and nothing of it (video, subtitle, artwork) leaves the source.
 */
@ExtendWith(TestServices.class)
class TargetTakenTest {

  @TempDir Path dir;

  @Test
  void aVideoWhoseTargetHoldsOtherBytesWaitsForReviewAndLosesNothing(TestServices.Env env) throws Exception {
    Path in = dir.resolve("in");
    Path taken = dir.resolve("lib/Movies/RoboCop (1987)/RoboCop (1987).mkv");
    DaemonTest.write(taken, 90_000, 7);
    byte[] before = Files.readAllBytes(taken);
    DaemonTest.write(in.resolve("RoboCop.1987/RoboCop.1987.mkv"), 120_000, 1);
    DaemonTest.write(in.resolve("RoboCop.1987/RoboCop.1987.en.srt"), 300, 2);
    DaemonTest.write(in.resolve("RoboCop.1987/poster.jpg"), 1_000, 3);

    Daemon d = Daemon.start(DaemonTest.config(dir, env, Map.of()));
    try {
      JsonObject s = DaemonTest.awaitSettled(HttpClient.newHttpClient(), d, 1);
      assertThat(s.getJsonObject("videos").getLong("needs_review")).as(s.encodePrettily()).isEqualTo(1);
    } finally {
      d.stop();
    }
    try (var c = DriverManager.getConnection(Servers.jdbc(env.pgUrl()));
        var r = c.createStatement().executeQuery("select reason from videos")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).startsWith(taken + ": ").contains("a different file is already at the target");
    }
    assertThat(Files.readAllBytes(taken)).as("the library file is untouched").isEqualTo(before);
    assertThat(in.resolve("RoboCop.1987/RoboCop.1987.mkv")).exists();
    assertThat(in.resolve("RoboCop.1987/RoboCop.1987.en.srt")).exists();
    assertThat(in.resolve("RoboCop.1987/poster.jpg")).exists();
    assertThat(taken.resolveSibling("RoboCop (1987).en.srt")).doesNotExist();
  }
}
