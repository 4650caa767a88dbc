package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.ingest.VideoBytes;
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
class DamagedVideoTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aTruncatedMp4IsRejectedWithTheReasonAndStaysInItsSource(TestServices.Env env) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path cut = in.resolve("Heat (1995).mp4");
    Files.write(cut, VideoBytes.cut(VideoBytes.mp4(), 10));
    Files.write(in.resolve("Ronin (1998).mp4"), VideoBytes.mp4());

    Daemon d = Daemon.start(DaemonTest.config(dir, env, Map.of()));
    try {
      JsonObject s = DaemonTest.awaitSettled(http, d, 2);
      JsonObject states = s.getJsonObject("videos");
      assertThat(states.getLong("rejected")).as(s.encodePrettily()).isEqualTo(1);
      assertThat(states.getLong("organized")).as(s.encodePrettily()).isEqualTo(1);
      JsonObject problem = s.getJsonArray("recent_problems").getJsonObject(0);
      assertThat(problem.encode()).contains("Heat (1995).mp4");
      assertThat(problem.getString("reason")).isEqualTo(
          "the video is damaged or incomplete: truncated: box 'mdat' needs 1008 bytes, the file ends after 998");
      assertThat(cut).as("a damaged video stays in its source folder").exists();
      assertThat(dir.resolve("lib/Movies/Ronin (1998)/Ronin (1998).mp4")).as("a whole one is organized").exists();
    } finally {
      d.stop();
    }
  }
}
