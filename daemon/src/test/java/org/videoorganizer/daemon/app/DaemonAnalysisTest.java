package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.gpu.testsupport.TestVideos;

/**
 * The daemon with local content analysis and the fake TMDB: a camera-named video whose title card
 * reads a film's title is read by OCR, matched and organized as that film; a video whose name
 * TMDB matches with confidence is never analysed.
 */
@ExtendWith(TestServices.class)
class DaemonAnalysisTest {

  @TempDir static Path dir;
  static FakeTmdbServer tmdb;
  static Daemon daemon;
  static String jdbc;
  static JsonObject settled;

  @BeforeAll
  static void runTheInbox(TestServices.Env env) throws Exception {
    tmdb = FakeTmdbServer.start();
    jdbc = Servers.jdbc(env.pgUrl());
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    // Mad Max: Fury Road runs 121 minutes on TMDB; so does the file, one picture every 20 s.
    TestVideos.video().size(640, 360).sparse(20).seconds(121 * 60).title(0, "MAD MAX: FURY ROAD")
        .picture(200, 1).picture(2000, 2).picture(4000, 3).writeTo(in.resolve("VID_0001.mp4"));
    // Two films are called Cinderella: 1950 (74 min) and 2015 (105 min). The runtime tells them apart,
    // and a copy of neither length stays a question, with what analysis saw.
    TestVideos.video().size(640, 360).sparse(30).seconds(74 * 60).picture(0, 4).writeTo(in.resolve("Cinderella.mp4"));
    TestVideos.video().size(640, 360).sparse(30).seconds(90 * 60).title(0, "A FAIRY TALE").picture(300, 5)
        .writeTo(in.resolve("Cinderella.mkv"));
    DaemonTest.write(in.resolve("RoboCop.1987.1080p.mkv"), 120_000, 2); // random bytes: analysis would fail on them
    daemon = Daemon.start(DaemonTest.config(dir, env, Map.of("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY,
        "VORG_TMDB_BASE_URL", tmdb.baseUrl(), "VORG_ANALYSIS_ENABLED", "true")));
    settled = DaemonTest.awaitSettled(HttpClient.newHttpClient(), daemon, 4);
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      daemon.stop();
    }
    tmdb.close();
  }

  @Test
  void aCameraNamedVideoIsOrganizedAsTheFilmItsTitleCardNames() throws Exception {
    assertThat(settled.getJsonObject("videos").getLong("organized")).as(settled.encodePrettily()).isEqualTo(3);
    try (Stream<Path> files = Files.walk(dir.resolve("lib/Movies"))) {
      assertThat(files.map(p -> dir.resolve("lib").relativize(p).toString()))
          .anyMatch(p -> p.startsWith("Movies/Mad Max") && p.contains("[tmdbid-76341]") && p.endsWith(".mp4"));
    }
    assertThat(dir.resolve("in/VID_0001.mp4")).doesNotExist();
    JsonObject evidence = new JsonObject(query("select m.evidence::text from media_matches m join videos v "
        + "on v.id = m.video_id where v.rel_path = 'VID_0001.mp4'"));
    assertThat(evidence.getJsonArray("explanation").getString(0)).startsWith("analysis: OCR read 'MAD MAX: FURY ROAD'");
    JsonObject report = new JsonObject(query("select a.result::text from analysis_results a join videos v "
        + "on v.id = a.video_id where v.rel_path = 'VID_0001.mp4'"));
    assertThat(report.getString("remote")).isEqualTo("not_requested");
    assertThat(report.getJsonObject("probe").getDouble("duration_s")).isGreaterThan(120 * 60.0);
    assertThat(report.getJsonArray("evidence").getString(0)).startsWith("analysis: OCR read");
  }

  @Test
  void aFilmIsToldFromItsRemakeByTheFilesRuntime() throws Exception {
    assertThat(dir.resolve("lib/Movies/Cinderella (1950) [tmdbid-11224]/Cinderella (1950) [tmdbid-11224].mp4")).exists();
    JsonObject evidence = new JsonObject(query("select m.evidence::text from media_matches m join videos v "
        + "on v.id = m.video_id where v.rel_path = 'Cinderella.mp4'"));
    assertThat(evidence.getJsonArray("explanation").getString(0)).isEqualTo("analysis: runtime 74 min compared with the candidates'");
  }

  @Test
  void aVideoAnalysisCannotSettleWaitsForReviewWithWhatAnalysisSaw() throws Exception {
    assertThat(query("select state || ': ' || reason from videos where rel_path = 'Cinderella.mkv'"))
        .startsWith("needs_review: TMDB is not sure");
    assertThat(dir.resolve("in/Cinderella.mkv")).exists();
    var res = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            "http://127.0.0.1:" + daemon.httpPort() + "/api/review")).header("Authorization", "Bearer " + daemon.httpToken().value())
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonObject question = new JsonObject(res.body()).getJsonArray("questions").getJsonObject(0);
    assertThat(question.getJsonArray("evidence").getList()).contains("analysis: runtime 90 min",
        "analysis: text on screen: 'A FAIRY TALE'");
  }

  @Test
  void aConfidentNameMatchIsNeverAnalysed() throws Exception {
    assertThat(dir.resolve("lib/Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv")).exists();
    assertThat(query("select count(*)::text from analysis_results a join videos v on v.id = a.video_id "
        + "where v.rel_path = 'RoboCop.1987.1080p.mkv'")).isEqualTo("0");
  }

  @Test
  void theStatusSaysAnalysisIsOnAndLocalCostsNothing() {
    JsonObject analysis = settled.getJsonObject("analysis");
    assertThat(analysis.getBoolean("enabled")).isTrue();
    assertThat(analysis.getString("remote")).isEqualTo("none");
    assertThat(analysis.getJsonObject("costs").getDouble("today_usd")).isZero();
    assertThat(analysis.getJsonObject("budget").getString("state")).contains("local analysis only");
  }

  private static String query(String sql) throws Exception {
    try (var c = DriverManager.getConnection(jdbc); var st = c.createStatement(); var r = st.executeQuery(sql)) {
      assertThat(r.next()).as(sql).isTrue();
      return r.getString(1);
    }
  }
}
