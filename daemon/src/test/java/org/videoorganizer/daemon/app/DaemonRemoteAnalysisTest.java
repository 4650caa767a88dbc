package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.gpu.testsupport.FakeOpenAiServer;
import org.videoorganizer.gpu.testsupport.TestVideos;

/**
 * The daemon's remote analysis through the fake OpenAI-compatible server: a home video is titled
 * from the vision model's description and its call is costed in the store; once the daily budget
 * is spent, the next video is analysed locally only (its title card still names the film) and the
 * status says the budget is reached.
 */
@ExtendWith(TestServices.class)
class DaemonRemoteAnalysisTest {

  private static final String KEY = "sk-daemon-test";
  private static final double USD_PER_SECOND = 0.01;

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeTmdbServer tmdb;
  private FakeOpenAiServer vision;
  private Daemon daemon;

  @AfterEach
  void stop() throws Exception {
    if (daemon != null) {
      daemon.stop();
    }
    tmdb.close();
    vision.close();
    vertx.close().await();
  }

  @Test
  void theVisionModelIsPaidForUntilTheDailyBudgetIsSpentThenAnalysisGoesOnLocally(TestServices.Env env) throws Exception {
    tmdb = FakeTmdbServer.start();
    vision = FakeOpenAiServer.start(vertx, KEY, "vl");
    vision.answerVision(new JsonObject().put("title_text", null).put("content_type", "home_video")
        .put("description", "Children playing on a beach. The sea is calm.").put("confidence", 0.8));
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Path home = TestVideos.video().seconds(6).silent().picture(0, 4).picture(3, 5).writeTo(in.resolve("VID_0001.mp4"));
    LocalDate written = LocalDate.ofInstant(Files.getLastModifiedTime(home).toInstant(), ZoneOffset.UTC);
    Map<String, String> vars = new HashMap<>(Map.of("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY,
        "VORG_TMDB_BASE_URL", tmdb.baseUrl(), "VORG_ANALYSIS_ENABLED", "true", "VORG_ANALYSIS_REMOTE", "openai",
        "VORG_ANALYSIS_URL", vision.baseUrl(), "VORG_ANALYSIS_MODEL", "vl", "VORG_ANALYSIS_API_KEY", KEY,
        "VORG_ANALYSIS_USD_PER_SECOND", Double.toString(USD_PER_SECOND), "VORG_ANALYSIS_DAILY_BUDGET_USD", "0.005"));
    daemon = Daemon.start(DaemonTest.config(dir, env, vars));

    DaemonTest.awaitSettled(http, daemon, 1);
    assertThat(dir.resolve("lib/Other/" + written + " Children playing on a beach.mp4")).exists();
    String jdbc = Servers.jdbc(env.pgUrl());
    long executionMs = Long.parseLong(query(jdbc, "select execution_ms::text from analysis_costs"));
    double billed = Math.ceil(executionMs / 1000.0) * USD_PER_SECOND;
    assertThat(query(jdbc, "select count(*)::text || ' ' || min(backend) || ' ' || min(task) || ' ' || min(gpu_class) "
        + "|| ' ' || min(usd)::text from analysis_costs")).isEqualTo("1 vision vision RTX 4090 PRO " + String.format("%.6f", billed));

    // The day's budget ($0.005) is spent: the next video gets no remote call, but OCR still reads its title card.
    TestVideos.video().size(640, 360).sparse(20).seconds(121 * 60).title(0, "MAD MAX: FURY ROAD")
        .picture(200, 1).picture(2000, 2).writeTo(in.resolve("VID_0002.mp4"));
    JsonObject status = DaemonTest.awaitSettled(http, daemon, 2);

    assertThat(vision.chatRequests()).as("one paid call, none after the budget was reached").hasSize(1);
    try (Stream<Path> files = Files.walk(dir.resolve("lib/Movies"))) {
      assertThat(files.map(Path::toString)).anyMatch(p -> p.contains("[tmdbid-76341]") && p.endsWith(".mp4"));
    }
    JsonObject report = new JsonObject(query(jdbc, "select a.result::text from analysis_results a join videos v "
        + "on v.id = a.video_id where v.rel_path = 'VID_0002.mp4'"));
    assertThat(report.getString("remote")).isEqualTo("budget_reached");
    assertThat(report.getString("remote_reason")).startsWith("daily budget $0.0050 reached");
    JsonObject analysis = status.getJsonObject("analysis");
    assertThat(analysis.getString("remote")).isEqualTo("openai");
    assertThat(analysis.getJsonObject("costs").getDouble("today_usd")).isEqualTo(billed);
    assertThat(analysis.getJsonObject("costs").getJsonArray("videos_this_month").getJsonObject(0).getString("path"))
        .isEqualTo("VID_0001.mp4");
    assertThat(analysis.getJsonObject("budget").getBoolean("reached")).isTrue();
    assertThat(analysis.getJsonObject("budget").getString("state")).startsWith("daily budget reached");
    JsonObject overview = new JsonObject(get("/api/overview"));
    assertThat(overview.getJsonObject("costs").getDouble("today_usd")).isEqualTo(billed);
    assertThat(overview.getJsonObject("costs").getString("budget")).startsWith("daily budget reached");
    String first = query(jdbc, "select id::text from videos where rel_path = 'VID_0001.mp4'");
    JsonObject video = new JsonObject(get("/api/videos/" + first));
    assertThat(video.getJsonArray("costs").getJsonObject(0).getString("gpu_class")).isEqualTo("RTX 4090 PRO");
    assertThat(video.getJsonArray("analyses").getJsonObject(0).getString("remote")).isEqualTo("done");
    assertThat(get("/metrics")).contains("vorg_analysis_cost " + billed).contains("vorg_analysis_budget_stops_today 1.0");
  }

  private String get(String path) throws Exception {
    var res = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + daemon.httpPort() + path))
        .header("Authorization", "Bearer " + daemon.httpToken().value()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
    return res.body();
  }

  private static String query(String jdbc, String sql) throws Exception {
    try (var c = DriverManager.getConnection(jdbc); var st = c.createStatement(); var r = st.executeQuery(sql)) {
      assertThat(r.next()).as(sql).isTrue();
      return r.getString(1);
    }
  }
}
