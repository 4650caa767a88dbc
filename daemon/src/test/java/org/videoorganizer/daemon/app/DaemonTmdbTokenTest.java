package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.testsupport.TestServices;

/** A TMDB read access token instead of an API key: requests carry it as a bearer token. */
@ExtendWith(TestServices.class)
class DaemonTmdbTokenTest {

  @TempDir Path dir;

  private static long stat(TestServices.Env env, String name) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(org.videoorganizer.daemon.testsupport.Servers.jdbc(env.pgUrl()));
        var st = c.prepareStatement("select coalesce(sum(value), 0) from stats where name = ?")) {
      st.setString(1, name);
      try (var r = st.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void theDaemonMatchesWithAReadAccessToken(TestServices.Env env) throws Exception {
    DaemonTest.write(dir.resolve("in/RoboCop.1987.1080p.mkv"), 120_000, 1);
    try (FakeTmdbServer tmdb = FakeTmdbServer.start()) {
      Daemon d = Daemon.start(DaemonTest.config(dir, env,
          Map.of("VORG_TMDB_TOKEN", FakeTmdbServer.TOKEN, "VORG_TMDB_BASE_URL", tmdb.baseUrl())));
      try {
        JsonObject s = DaemonTest.awaitSettled(HttpClient.newHttpClient(), d, 1);
        assertThat(s.getJsonObject("videos").getLong("organized")).as(s.encodePrettily()).isEqualTo(1);
        assertThat(dir.resolve("lib/Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv")).exists();
        assertThat(tmdb.requestCount()).as("TMDB was asked (the fake refuses requests without valid credentials)").isPositive();
        JsonObject today = s.getJsonObject("stats").getJsonObject("today");
        assertThat(today.getLong("organized_files")).isEqualTo(1);
        assertThat(today.getLong("organized_bytes")).isEqualTo(120_000);
      } finally {
        d.stop();
      }
      assertThat(stat(env, "tmdb_requests")).as("every request TMDB saw is counted once the daemon stopped")
          .isEqualTo(tmdb.requestCount());
    }
  }
}
