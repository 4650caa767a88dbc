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
      } finally {
        d.stop();
      }
    }
  }
}
