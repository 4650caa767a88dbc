package org.videoorganizer.daemon.announce;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.WebhookSettings;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;
import org.videoorganizer.jellyfin.fake.WebhookStyle;
import org.videoorganizer.jellyfin.webhook.WebhookRoutes;

/** Starts daemons wired to a fake Jellyfin (inbox {@code in/}, library {@code lib/}) and reads their status. */
final class JellyfinDaemons {

  static final String KEY = "daemon-test-api-key";
  static final String SECRET = "daemon-test-webhook-secret";
  static final String SECRET_VARIABLE = WebhookSettings.SECRET_VARIABLE;

  private final List<Daemon> running = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  /** A fake Jellyfin with one Movies library over {@code dir/lib/Movies}, quick to notice and to post webhooks. */
  static FakeJellyfin moviesJellyfin(io.vertx.core.Vertx vertx, Path dir) {
    FakeJellyfin fake = org.videoorganizer.jellyfin.fake.Await.result(FakeJellyfin.start(vertx, KEY));
    fake.addLibrary("Movies", "movies", "/media/Movies", dir.resolve("lib/Movies"));
    fake.libraryMonitorDelay(Duration.ofMillis(200)).webhookTick(Duration.ofMillis(100));
    return fake;
  }

  Daemon start(Path dir, TestServices.Env env, FakeJellyfin fake) throws IOException {
    return start(dir, env, fake, Map.of());
  }

  /** A daemon on the test database; {@code jellyfinEnv} overrides the VORG_JELLYFIN_* defaults. */
  Daemon start(Path dir, TestServices.Env env, FakeJellyfin fake, Map<String, String> jellyfinEnv) throws IOException {
    Map<String, String> vars = new HashMap<>(Map.of(
        "VORG_SOURCES", "in=" + dir.resolve("in"),
        "VORG_LIBRARY", dir.resolve("lib").toString(),
        "VORG_DATA_DIR", dir.resolve("data").toString(),
        "VORG_DATABASE_URL", env.pgUrl(),
        "VORG_HTTP_PORT", "0",
        "VORG_INGEST_STABLE_SECONDS", "1",
        "VORG_INGEST_RESCAN_SECONDS", "1",
        "VORG_WORKERS_POLL_SECONDS", "1"));
    Files.createDirectories(dir.resolve("in"));
    vars.putAll(Map.of(
        "VORG_JELLYFIN_URL", fake.baseUrl(),
        "VORG_JELLYFIN_API_KEY", KEY,
        "VORG_JELLYFIN_PATH_MAP", dir.resolve("lib") + "=/media",
        "VORG_JELLYFIN_ANNOUNCE_DEBOUNCE", "200ms",
        "VORG_JELLYFIN_WEBHOOK_WAIT", "3s",
        SECRET_VARIABLE, SECRET));
    jellyfinEnv.forEach((k, v) -> { // an empty value leaves the variable unset
      if (v.isEmpty()) {
        vars.remove(k);
      } else {
        vars.put(k, v);
      }
    });
    Daemon d = Daemon.start(ConfigLoader.load(Optional.empty(), vars));
    running.add(d);
    fake.webhooks(URI.create("http://127.0.0.1:" + d.httpPort() + WebhookRoutes.PATH),
        Map.of(WebhookRoutes.SECRET_HEADER, SECRET), WebhookStyle.TEMPLATE_AS_TEXT);
    return d;
  }

  void stop(Daemon d) {
    d.stop();
    running.remove(d);
  }

  void stopAll() {
    running.forEach(Daemon::stop);
    running.clear();
  }

  JsonObject status(Daemon d) throws Exception {
    var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + "/api/status"))
        .header("Authorization", "Bearer " + d.httpToken().value()).build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new AssertionError("GET /api/status answered " + res.statusCode() + ": " + res.body());
    }
    return new JsonObject(res.body());
  }

  /** The status once {@code jellyfin.confirmation.counts.<state>} reached {@code n}. */
  JsonObject awaitJellyfin(Daemon d, String state, long n) throws Exception {
    return await(d, "jellyfin " + state + " >= " + n, s -> {
      JsonObject conf = s.getJsonObject("jellyfin", new JsonObject()).getJsonObject("confirmation");
      return conf != null && conf.getJsonObject("counts").getLong(state, 0L) >= n;
    });
  }

  /** The status once {@code videos.<state>} reached {@code n}. */
  JsonObject awaitVideos(Daemon d, String state, long n) throws Exception {
    return await(d, "videos " + state + " >= " + n, s -> s.getJsonObject("videos").getLong(state, 0L) >= n);
  }

  JsonObject await(Daemon d, String what, Predicate<JsonObject> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    JsonObject s = status(d);
    while (!done.test(s)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 45 s: " + what + "\n" + s.encodePrettily());
      }
      Thread.sleep(100);
      s = status(d);
    }
    return s;
  }

  /** Empties every table of the class's database (its tests share it), if the schema exists yet. */
  static void emptyDatabase(TestServices.Env env) throws java.sql.SQLException {
    try (var c = java.sql.DriverManager.getConnection(org.videoorganizer.daemon.testsupport.Servers.jdbc(env.pgUrl()));
        var st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var r = st.executeQuery("select tablename from pg_tables where schemaname = 'public' "
          + "and tablename <> 'schema_migrations'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      if (!tables.isEmpty()) {
        st.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
      }
    }
  }

  static void write(Path file, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    Files.createDirectories(file.getParent());
    Path part = file.resolveSibling("." + file.getFileName() + ".part");
    Files.write(part, bytes);
    Files.move(part, file);
  }
}
