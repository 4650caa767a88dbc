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
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
class DaemonSourcesTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aMissingSourceFolderIsReportedAndStallsNothing(TestServices.Env env) throws Exception {
    Files.createDirectories(dir.resolve("other"));
    DaemonTest.write(dir.resolve("other/Heat (1995).mkv"), 50_000, 5);
    Map<String, String> two = Map.of("VORG_SOURCES", "gone=" + dir.resolve("gone") + ",other=" + dir.resolve("other"));
    Daemon d = Daemon.start(DaemonTest.config(dir, env, two));
    try {
      JsonObject s = DaemonTest.awaitSettled(http, d, 1);
      assertThat(s.getJsonObject("videos").getLong("organized")).isEqualTo(1);
      JsonObject gone = s.getJsonArray("sources").getJsonObject(0);
      assertThat(gone.getString("name")).isEqualTo("gone");
      assertThat(gone.getString("error")).contains("the source folder is missing");
    } finally {
      d.stop();
    }
  }
}
