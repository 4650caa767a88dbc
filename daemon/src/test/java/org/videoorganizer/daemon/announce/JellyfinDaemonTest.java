package org.videoorganizer.daemon.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;
import org.videoorganizer.jellyfin.webhook.WebhookRoutes;

/**
 * The daemon with Jellyfin configured, end to end: a real inbox and library, PostgreSQL, the
 * fake Jellyfin over the library folders and its Webhook plugin posting to the daemon.
 */
@ExtendWith(TestServices.class)
class JellyfinDaemonTest {

  static final String HEAT = "Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv";

  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();
  final JellyfinDaemons daemons = new JellyfinDaemons();
  Vertx vertx;
  FakeJellyfin fake;

  @BeforeEach
  void startJellyfin(TestServices.Env env) throws Exception {
    JellyfinDaemons.emptyDatabase(env);
    vertx = Vertx.vertx();
    fake = result(FakeJellyfin.start(vertx, JellyfinDaemons.KEY));
    fake.addLibrary("Movies", "movies", "/media/Movies", dir.resolve("lib/Movies"));
    fake.addLibrary("Shows", "tvshows", "/media/TV Shows", dir.resolve("lib/TV Shows"));
    fake.libraryMonitorDelay(Duration.ofMillis(50)).webhookTick(Duration.ofMillis(20));
  }

  @AfterEach
  void stop() {
    daemons.stopAll();
    result(fake.close());
    result(vertx.close());
  }

  @Test
  void aMovieDroppedInTheInboxIsOrganizedAnnouncedOnceAndConfirmedByTheWebhook(TestServices.Env env) throws Exception {
    Daemon d = daemons.start(dir, env, fake);
    long landed = System.nanoTime();
    JellyfinDaemons.write(dir.resolve("in/Heat (1995) [tmdbid-949] 1080p.mkv"), 200_000, 1);

    JsonObject status = daemons.awaitJellyfin(d, "confirmed", 1);
    long millis = Duration.ofNanos(System.nanoTime() - landed).toMillis();
    System.out.println("landing to confirmed: " + millis + " ms (stability window 1 s, debounce 200 ms)");

    assertThat(dir.resolve("lib").resolve(HEAT)).exists();
    assertThat(fake.mediaUpdatedBatches()).containsExactly(List.of("/media/" + HEAT));
    assertThat(fake.calls("POST", "/Library/Refresh")).isZero();
    assertThat(fake.requests()).as("confirmed by the webhook, not by polling")
        .noneMatch(c -> c.query() != null && c.query().contains("sortBy=DateCreated"));
    assertThat(fake.webhooksSent()).isPositive();
    assertThat(daemons.awaitVideos(d, "confirmed", 1).getJsonObject("videos").getLong("confirmed")).isEqualTo(1);
    JsonObject jf = status.getJsonObject("jellyfin");
    assertThat(jf.getBoolean("reachableAtStart")).as(jf.encodePrettily()).isTrue();
    assertThat(jf.getJsonArray("warnings")).isEmpty();
    assertThat(jf.getString("webhook")).isEqualTo("mounted");
    assertThat(jf.getLong("queuedAnnouncements")).isZero();
    assertThat(jf.getJsonObject("announce").getLong("calls")).isEqualTo(1);
  }

  @Test
  void aMovieJellyfinIdentifiesWronglyIsCorrectedToOurTmdbId(TestServices.Env env) throws Exception {
    fake.identifyAs("Heat (1995)", "1111");
    Daemon d = daemons.start(dir, env, fake);
    JellyfinDaemons.write(dir.resolve("in/Heat (1995) [tmdbid-949].mkv"), 150_000, 2);

    JsonObject status = daemons.awaitJellyfin(d, "confirmed", 1);

    assertThat(status.getJsonObject("jellyfin").getJsonObject("confirmation").getJsonObject("counts").getLong("mismatched"))
        .isZero();
    assertThat(fake.itemAt("/media/" + HEAT).orElseThrow().tmdbId()).isEqualTo("949");
    String itemId = fake.itemAt("/media/" + HEAT).orElseThrow().id();
    assertThat(fake.calls("POST", "/Items/RemoteSearch/Apply/" + itemId)).isEqualTo(1);
    try (Connection c = DriverManager.getConnection(Servers.jdbc(env.pgUrl()));
        ResultSet r = c.createStatement().executeQuery(
            "select state, corrections, seen_tmdb_id, note from jellyfin_confirmations")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString("state")).isEqualTo("confirmed");
      assertThat(r.getInt("corrections")).isEqualTo(1);
      assertThat(r.getString("seen_tmdb_id")).isEqualTo("1111");
      assertThat(r.getString("note")).contains("after correcting 1111");
    }
  }

  @Test
  void withoutAWebhookSecretTheRouteIsNotMountedAndPollingConfirms(TestServices.Env env) throws Exception {
    Daemon d = daemons.start(dir, env, fake, Map.of(JellyfinDaemons.SECRET_VARIABLE, ""));
    JellyfinDaemons.write(dir.resolve("in/Heat (1995) [tmdbid-949].mkv"), 100_000, 3);

    JsonObject status = daemons.awaitJellyfin(d, "confirmed", 1);

    assertThat(status.getJsonObject("jellyfin").getString("webhook")).startsWith("not mounted");
    var post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + WebhookRoutes.PATH))
        .header(WebhookRoutes.SECRET_HEADER, JellyfinDaemons.SECRET).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).as("no route without a secret").isEqualTo(405);
    assertThat(fake.requests()).as("confirmed by polling").anyMatch(c -> c.query() != null && c.query().contains("sortBy=DateCreated"));
  }

  static final String SHOW = "/media/TV Shows/Breaking Bad [tmdbid-1396]";
  static final String EPISODE = SHOW + "/Season 01/Breaking Bad S01E02.mkv";

  @Test
  void anEpisodeIsConfirmedByItsSeriesTmdbIdAndNumbers(TestServices.Env env) throws Exception {
    Daemon d = daemons.start(dir, env, fake);
    JellyfinDaemons.write(dir.resolve("in/Breaking.Bad.[tmdbid-1396].S01E02.720p.mkv"), 100_000, 4);

    JsonObject status = daemons.awaitJellyfin(d, "confirmed", 1);

    assertThat(fake.mediaUpdatedBatches()).containsExactly(List.of(EPISODE));
    assertThat(fake.itemAt(EPISODE).orElseThrow().tmdbId()).as("the episode's own id differs from the show's")
        .isNotEqualTo("1396");
    assertThat(status.getJsonObject("jellyfin").getJsonObject("confirmation").getJsonObject("counts").getLong("mismatched"))
        .isZero();
    try (Connection c = DriverManager.getConnection(Servers.jdbc(env.pgUrl()));
        ResultSet r = c.createStatement().executeQuery("select state, expected_tmdb_id, episode_season, episode_first, "
            + "episode_last, corrections, note from jellyfin_confirmations")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString("state")).isEqualTo("confirmed");
      assertThat(r.getString("expected_tmdb_id")).isEqualTo("1396");
      assertThat(List.of(r.getInt("episode_season"), r.getInt("episode_first"), r.getInt("episode_last")))
          .containsExactly(1, 2, 2);
      assertThat(r.getInt("corrections")).isZero();
      assertThat(r.getString("note")).contains("S01E02", "series TMDB 1396");
    }
  }

  @Test
  void anEpisodeWhoseSeriesJellyfinMatchedToAnotherShowIsCorrectedOnTheSeries(TestServices.Env env) throws Exception {
    fake.identifyAs("/media/TV Shows/Breaking Bad", "1111");
    Daemon d = daemons.start(dir, env, fake);
    JellyfinDaemons.write(dir.resolve("in/Breaking.Bad.[tmdbid-1396].S01E02.720p.mkv"), 100_000, 5);

    daemons.awaitJellyfin(d, "confirmed", 1);

    String seriesId = fake.itemAt(SHOW).orElseThrow().id();
    assertThat(fake.itemAt(SHOW).orElseThrow().tmdbId()).isEqualTo("1396");
    assertThat(fake.calls("POST", "/Items/RemoteSearch/Apply/" + seriesId)).isEqualTo(1);
    assertThat(fake.calls("POST", "/Items/RemoteSearch/Apply/" + fake.itemAt(EPISODE).orElseThrow().id())).isZero();
    try (Connection c = DriverManager.getConnection(Servers.jdbc(env.pgUrl()));
        ResultSet r = c.createStatement().executeQuery("select state, corrections, seen_tmdb_id from jellyfin_confirmations")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString("state")).isEqualTo("confirmed");
      assertThat(r.getInt("corrections")).isEqualTo(1);
      assertThat(r.getString("seen_tmdb_id")).isEqualTo("1111");
    }
  }
}
