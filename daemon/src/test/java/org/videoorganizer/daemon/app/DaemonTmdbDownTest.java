package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;

/** TMDB failing while the daemon identifies: the job is retried, never sent to review or given up. */
@ExtendWith(TestServices.class)
class DaemonTmdbDownTest {

  @TempDir Path dir;

  @Test
  void whileTmdbFailsTheIdentifyJobIsRetriedAndTheVideoOrganizedOnceTmdbAnswers(TestServices.Env env) throws Exception {
    DaemonTest.write(dir.resolve("in/RoboCop.1987.1080p.mkv"), 120_000, 1);
    try (FakeTmdbServer tmdb = FakeTmdbServer.start()) {
      // The client tries a request four times (three retries): the whole first attempt fails.
      tmdb.failNext(503, 4);
      Daemon d = Daemon.start(DaemonTest.config(dir, env,
          Map.of("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY, "VORG_TMDB_BASE_URL", tmdb.baseUrl())));
      try {
        String failed = awaitIdentifyError(env);
        assertThat(failed).startsWith("fingerprinted | identify: left in place, TMDB failed: TMDB failed with 503");
        JsonObject s = DaemonTest.awaitSettled(HttpClient.newHttpClient(), d, 1);
        assertThat(s.getJsonObject("videos").getLong("organized")).as(s.encodePrettily()).isEqualTo(1);
        assertThat(dir.resolve("lib/Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv")).exists();
        assertThat(identifyJob(env)).isEqualTo("done after 2 attempts");
      } finally {
        d.stop();
      }
    }
  }

  // The video's state and the identify job's error, once the first attempt has failed.
  private static String awaitIdentifyError(TestServices.Env env) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < deadline) {
      String row = query(env, "select v.state || ' | ' || j.last_error from jobs j join videos v on v.id = j.video_id "
          + "where j.stage = 'identify' and j.last_error is not null");
      if (row != null) {
        return row;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the identify job never failed");
  }

  private static String identifyJob(TestServices.Env env) throws Exception {
    return query(env, "select state || ' after ' || attempts || ' attempts' from jobs where stage = 'identify'");
  }

  private static String query(TestServices.Env env, String sql) throws Exception {
    try (var c = DriverManager.getConnection(Servers.jdbc(env.pgUrl())); var r = c.createStatement().executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }
}
