package org.videoorganizer.daemon.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.config.VorgConfig.TmdbConfig;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;

/** The one TMDB client of the daemon, vorg organize and vorg match, against the fake TMDB. */
class TmdbClientsTest {

  private final FakeTmdbServer tmdb = FakeTmdbServer.start();

  @AfterEach
  void stop() {
    tmdb.close();
  }

  private TmdbConfig config(Map<String, String> secrets) {
    var env = new java.util.HashMap<>(secrets);
    env.put("VORG_TMDB_BASE_URL", tmdb.baseUrl());
    env.put("VORG_TMDB_LANGUAGE", "de-DE");
    return ConfigLoader.tmdb(Optional.empty(), env);
  }

  @Test
  void noClientWithoutAKeyOrAToken() {
    assertThat(TmdbClients.build(config(Map.of()))).isEmpty();
  }

  @Test
  void withKeyAndTokenBothConfiguredTheKeyIsSent() {
    var client = TmdbClients.build(config(Map.of("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY,
        "VORG_TMDB_TOKEN", "a-token-tmdb-would-refuse"))).orElseThrow();
    assertThat(client.movie(603)).isPresent();
    assertThat(tmdb.requests()).singleElement().asString().contains("/3/movie/603").contains("language=de-DE");
  }

  @Test
  void aTokenAloneIsSentAsBearer() {
    var client = TmdbClients.build(config(Map.of("VORG_TMDB_TOKEN", FakeTmdbServer.TOKEN))).orElseThrow();
    assertThat(client.movie(603)).isPresent();
  }
}
