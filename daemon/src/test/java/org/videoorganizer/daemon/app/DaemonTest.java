package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
class DaemonTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  static VorgConfig config(Path dir, TestServices.Env env, Map<String, String> extra) {
    Map<String, String> vars = new HashMap<>(Map.of(
        "VORG_SOURCES", "in=" + dir.resolve("in"),
        "VORG_LIBRARY", dir.resolve("lib").toString(),
        "VORG_DATA_DIR", dir.resolve("data").toString(),
        "VORG_DATABASE_URL", env.pgUrl(),
        "VORG_HTTP_PORT", "0",
        "VORG_INGEST_STABLE_SECONDS", "1",
        "VORG_INGEST_RESCAN_SECONDS", "1",
        "VORG_WORKERS_POLL_SECONDS", "1"));
    vars.putAll(extra);
    return ConfigLoader.load(Optional.empty(), vars);
  }

  static void write(Path file, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  static JsonObject status(HttpClient http, Daemon d) throws Exception {
    var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + "/api/status"))
        .header("Authorization", "Bearer " + d.httpToken().value()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(200);
    return new JsonObject(res.body());
  }

  static JsonObject awaitSettled(HttpClient http, Daemon d, int videos) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    JsonObject s = status(http, d);
    while (System.nanoTime() < deadline) {
      s = status(http, d);
      JsonObject q = s.getJsonObject("queue");
      long total = s.getJsonObject("videos").stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
      if (total >= videos && q.getLong("queued") == 0 && q.getLong("running") == 0) {
        return s;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the daemon did not settle: " + s.encodePrettily());
  }

  @Test
  void organizesNewVideosAndGivesEveryBadInputAStateAndAReason(TestServices.Env env) throws Exception {
    Path in = dir.resolve("in");
    write(in.resolve("The Matrix (1999) 1080p.mkv"), 300_000, 1);
    write(in.resolve("Breaking.Bad.S01E02.720p.mkv"), 200_000, 2);
    write(in.resolve("Breaking.Bad.S01E02.720p.en.forced.srt"), 500, 6);
    write(in.resolve("sub/a copy of the matrix.mkv"), 300_000, 1);
    Files.createFile(in.resolve("empty.mkv"));
    write(in.resolve("bad\nname.mkv"), 10, 3);
    Files.createSymbolicLink(in.resolve("loop.mkv"), in.resolve("loop.mkv"));
    Files.createSymbolicLink(in.resolve("up"), in);
    write(in.resolve("still downloading.mkv.part"), 10, 4);

    Daemon d = Daemon.start(config(dir, env, Map.of()));
    try {
      assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok\n");
      JsonObject s = awaitSettled(http, d, 6);
      JsonObject states = s.getJsonObject("videos");
      assertThat(states.getLong("organized")).as(s.encodePrettily()).isEqualTo(2);
      assertThat(states.getLong("duplicate")).isEqualTo(1);
      assertThat(s.getJsonObject("stats").getJsonObject("today").getLong("organized_files"))
          .as("duplicates are not counted as organized").isEqualTo(2);
      assertThat(states.getLong("rejected")).isEqualTo(3);
      assertThat(s.getJsonArray("recent_problems").encode())
          .contains("zero-byte", "control characters", "symbolic link").contains("bad\\\\x0aname.mkv");
      assertThat(s.getJsonArray("sources").getJsonObject(0).getString("last_scan_at")).isNotNull();
      // Two files with the same bytes: whichever is fingerprinted first is the original.
      try (Stream<Path> lib = Files.walk(dir.resolve("lib"))) {
        assertThat(lib.filter(p -> p.toString().endsWith(".mkv")).map(p -> dir.resolve("lib").relativize(p).toString()))
            .hasSize(2).contains("TV Shows/Breaking Bad/Season 01/Breaking Bad S01E02.mkv")
            .containsAnyOf("Movies/The Matrix (1999)/The Matrix (1999).mkv",
                "Movies/A Copy of the Matrix/A Copy of the Matrix.mkv"); // an all-lowercase title is title-cased
      }
      assertThat(Files.exists(in.resolve("The Matrix (1999) 1080p.mkv")) ^ Files.exists(in.resolve("sub/a copy of the matrix.mkv")))
          .as("the duplicate stays in the source, never deleted; the original moved").isTrue();
      assertThat(in.resolve("still downloading.mkv.part")).exists();
      assertThat(dir.resolve("lib/TV Shows/Breaking Bad/Season 01/Breaking Bad S01E02.en.forced.srt"))
          .as("the subtitle travels with its video").exists();
    } finally {
      d.stop();
    }
  }
}
