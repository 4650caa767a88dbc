package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.gpu.testsupport.FakeOpenAiServer;
import org.videoorganizer.gpu.testsupport.TestVideos;

/** A remote backend that is down makes the video wait, as a TMDB outage does; nothing is lost or guessed. */
@ExtendWith(TestServices.class)
class DaemonRemoteBackendDownTest {

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeOpenAiServer vision;
  private Daemon daemon;

  @AfterEach
  void stop() throws Exception {
    if (daemon != null) {
      daemon.stop();
    }
    vision.close();
    vertx.close().await();
  }

  @Test
  void theVideoWaitsWhileTheVisionServerFailsAndIsAnalysedWhenItIsBack(TestServices.Env env) throws Exception {
    vision = FakeOpenAiServer.start(vertx, null, "vl");
    vision.answerVision(new JsonObject().put("content_type", "home_video")
        .put("description", "A birthday party in a garden.").put("confidence", 0.7));
    vision.failNext(503, 3); // every attempt of the first analysis
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    TestVideos.video().seconds(6).silent().picture(0, 7).picture(3, 8).writeTo(in.resolve("VID_0007.mp4"));
    daemon = Daemon.start(DaemonTest.config(dir, env, Map.of("VORG_ANALYSIS_ENABLED", "true",
        "VORG_ANALYSIS_REMOTE", "openai", "VORG_ANALYSIS_URL", vision.baseUrl(), "VORG_ANALYSIS_MODEL", "vl",
        "VORG_ANALYSIS_USD_PER_SECOND", "0")));

    JsonObject waiting = awaitWaiting();
    assertThat(waiting.getString("stage")).isEqualTo("analyze");
    assertThat(waiting.getString("reason")).startsWith("content analysis waits for its remote backend")
        .contains("503");

    JsonObject status = DaemonTest.awaitSettled(http, daemon, 1);
    assertThat(status.getJsonObject("videos").getLong("organized")).as(status.encodePrettily()).isEqualTo(1);
    assertThat(vision.requestCount()).as("three refused attempts, then the answer").isEqualTo(4);
    try (var other = Files.list(dir.resolve("lib/Other"))) {
      assertThat(other.map(p -> p.getFileName().toString())).singleElement().asString()
          .endsWith(" A birthday party in a garden.mp4");
    }
    String jdbc = Servers.jdbc(env.pgUrl());
    try (var c = DriverManager.getConnection(jdbc); var st = c.createStatement();
        var r = st.executeQuery("select (select count(*) from analysis_costs), (select count(*) from analysis_results)")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getLong(1)).as("only the answered call is recorded").isEqualTo(1);
      assertThat(r.getLong(2)).as("the waiting attempt stores no report").isEqualTo(1);
    }
  }

  private JsonObject awaitWaiting() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < deadline) {
      JsonArray waiting = DaemonTest.status(http, daemon).getJsonArray("waiting");
      if (!waiting.isEmpty()) {
        return waiting.getJsonObject(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the analyze job never waited for the backend");
  }
}
