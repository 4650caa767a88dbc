package org.videoorganizer.daemon.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;

/** {@code /metrics} scraped from a working daemon and parsed strictly; {@code /readyz} naming each dependency. */
@ExtendWith(TestServices.class)
class OpsEndpointsTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  static VorgConfig config(Path dir, TestServices.Env env, Map<String, String> extra) {
    Map<String, String> vars = new HashMap<>(Map.of("VORG_SOURCES", "in=" + dir.resolve("in"),
        "VORG_LIBRARY", dir.resolve("lib").toString(), "VORG_DATA_DIR", dir.resolve("data").toString(),
        "VORG_DATABASE_URL", env.pgUrl(), "VORG_HTTP_PORT", "0", "VORG_INGEST_STABLE_SECONDS", "1",
        "VORG_INGEST_RESCAN_SECONDS", "1", "VORG_WORKERS_POLL_SECONDS", "1"));
    vars.putAll(extra);
    return ConfigLoader.load(Optional.empty(), vars);
  }

  private HttpResponse<String> get(Daemon d, String path, boolean token) throws Exception {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + path));
    if (token) {
      b.header("Authorization", "Bearer " + d.httpToken().value());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void write(Path file, int size, long seed) throws Exception {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private PrometheusText awaitOrganized(Daemon d, long organized) throws Exception {
    long deadline = System.nanoTime() + 40_000_000_000L;
    PrometheusText m;
    do {
      HttpResponse<String> res = get(d, "/metrics", true);
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(res.headers().firstValue("Content-Type")).contains(OpsRoutes.PROMETHEUS_TEXT);
      m = PrometheusText.parse(res.body());
      if (m.value("vorg_videos", Map.of("state", "organized")).orElse(0.0) >= organized
          && m.sum("vorg_queue_jobs", Map.of()) == 0) {
        return m;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("not organized in time");
  }

  @Test
  void metricsNeedTheTokenAndCountWhatTheDaemonDid(TestServices.Env env) throws Exception {
    write(dir.resolve("in/The Matrix (1999) 1080p.mkv"), 300_000, 1);
    write(dir.resolve("in/Breaking.Bad.S01E02.720p.mkv"), 200_000, 2);
    Files.createDirectories(dir.resolve("in"));
    Files.createFile(dir.resolve("in/empty.mkv"));
    Daemon d = Daemon.start(config(dir, env, Map.of()));
    try {
      assertThat(get(d, "/metrics", false).statusCode()).isEqualTo(401);
      PrometheusText m = awaitOrganized(d, 2);
      assertThat(m.value("vorg_videos", Map.of("state", "rejected"))).contains(1.0);
      long inLibrary;
      try (Stream<Path> lib = Files.walk(dir.resolve("lib"))) {
        inLibrary = lib.filter(p -> p.toString().endsWith(".mkv")).mapToLong(p -> p.toFile().length()).sum();
      }
      assertThat(m.value("vorg_organized_bytes", Map.of())).contains((double) inLibrary);
      assertThat(inLibrary).isEqualTo(500_000);
      assertThat(m.types).containsEntry("vorg_step_seconds", "summary");
      assertThat(m.value("vorg_step_seconds_count", Map.of("stage", "fingerprint", "outcome", "done")))
          .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(2));
      assertThat(m.value("vorg_step_seconds_count", Map.of("stage", "organize", "outcome", "done"))).contains(2.0);
      assertThat(m.value("vorg_source_available", Map.of("source", "in"))).contains(1.0);
      assertThat(m.sum("jvm_memory_used_bytes", Map.of())).isPositive();
      assertDashboardReads(m);
      assertThat(m.types.keySet()).as("Vert.x's own figures: HTTP server, PostgreSQL pool")
          .anyMatch(n -> n.startsWith("vertx_http_server")).anyMatch(n -> n.startsWith("vertx_pool"));
    } finally {
      d.stop();
    }
  }

  @Test
  void readinessNamesEachDependencyAndSaysWhyOnlyToTheTokenHolder(TestServices.Env env) throws Exception {
    Files.createDirectories(dir.resolve("in"));
    Daemon d = Daemon.start(config(dir, env, Map.of("VORG_METRICS_OPEN_ON_LOOPBACK", "true")));
    try {
      assertThat(get(d, "/metrics", false).statusCode()).as("open on loopback").isEqualTo(200);
      HttpResponse<String> ok = get(d, "/readyz", false);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(states(ok)).containsExactlyInAnyOrderEntriesOf(Map.of("database", "ok", "redis", "not_configured",
          "library", "ok", "source:in", "ok", "jellyfin", "not_configured", "rclone", "not_configured"));

      Files.delete(dir.resolve("in"));
      HttpResponse<String> down = get(d, "/readyz", false);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(states(down)).containsEntry("source:in", "down").containsEntry("database", "ok");
      assertThat(down.body()).doesNotContain(dir.toString());
      assertThat(get(d, "/readyz", true).body()).contains(dir.resolve("in") + " is not a folder");
      assertThat(get(d, "/healthz", false).body()).as("liveness stays up, with no details").isEqualTo("ok\n");
    } finally {
      d.stop();
    }
  }

  /** Every vorg_ family the Grafana example queries is served (those made on first use aside). */
  private static void assertDashboardReads(PrometheusText m) throws Exception {
    String dashboard = Files.readString(Path.of("../examples/grafana-vorg.json"));
    java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b(vorg_[a-z_]+|vertx_pool_[a-z_]+|jvm_memory_used_bytes)")
        .matcher(dashboard);
    java.util.Set<String> lazy = java.util.Set.of("vorg_step_gave_up_total", "vorg_tmdb_requests_total", "vorg_tmdb_cache_hits_total", "vorg_tmdb_errors_total",
        "vorg_jellyfin_confirmations");
    java.util.Set<String> served = new java.util.HashSet<>();
    m.samples.forEach(s -> served.add(s.name()));
    while (names.find()) {
      String name = names.group(1).replaceAll("_(sum|count)$", "_$1");
      if (!lazy.contains(name)) {
        assertThat(served).as("the dashboard's %s", name).contains(name);
      }
    }
  }

  private static Map<String, String> states(HttpResponse<String> res) {
    Map<String, String> out = new HashMap<>();
    new JsonObject(res.body()).getJsonArray("checks")
        .forEach(c -> out.put(((JsonObject) c).getString("name"), ((JsonObject) c).getString("state")));
    return out;
  }
}
