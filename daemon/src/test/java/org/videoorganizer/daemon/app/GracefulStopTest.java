package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Stopping while steps wait on a slow TMDB: the steps that outlive the grace period are
 * interrupted and their jobs released (queued again, no lease), and the next start finishes
 * every video exactly once.
 */
@ExtendWith(TestServices.class)
class GracefulStopTest {

  @TempDir Path dir;

  private static final List<String> NAMES =
      List.of("RoboCop.1987.1080p.mkv", "Heat.1995.720p.mkv", "Alien.1979.mkv", "Fargo.1996.mkv");

  @Test
  void stepsOutlivingTheGracePeriodAreReleasedAndFinishedByTheNextStart(TestServices.Env env) throws Exception {
    for (int i = 0; i < NAMES.size(); i++) {
      DaemonTest.write(dir.resolve("in").resolve(NAMES.get(i)), 100_000 + i, i);
    }
    Map<String, String> vars;
    try (FakeTmdbServer slow = FakeTmdbServer.start()) {
      slow.delayNext(Duration.ofSeconds(30), 1_000);
      vars = Map.of("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY, "VORG_TMDB_BASE_URL", slow.baseUrl(),
          "VORG_WORKERS_CONCURRENCY", "2");
      Daemon d = Daemon.start(DaemonTest.config(dir, env, vars));
      awaitRunningIdentifySteps(env);
      long t0 = System.nanoTime();
      d.stop(Duration.ofSeconds(1));
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(seconds).as("grace 1 s, then at most 5 s for interrupted steps to end").isLessThan(15);
    }
    assertThat(query(env, "select count(*) from jobs where state = 'running' or (state = 'queued' and lease_owner is not null)"))
        .as("no job is left leased by the stopped daemon").isEqualTo("0");
    assertThat(query(env, "select count(*) from jobs where stage = 'identify' and state = 'queued'"))
        .as("the interrupted identify steps wait for the next worker").isNotEqualTo("0");
    assertThat(query(env, "select count(*) from jobs where last_error is not null"))
        .as("a step cut short by the stop is not recorded as a failure").isEqualTo("0");

    try (FakeTmdbServer tmdb = FakeTmdbServer.start()) {
      Daemon again = Daemon.start(DaemonTest.config(dir, env,
          Map.of("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY, "VORG_TMDB_BASE_URL", tmdb.baseUrl())));
      try {
        JsonObject s = DaemonTest.awaitSettled(HttpClient.newHttpClient(), again, NAMES.size());
        long settled = s.getJsonObject("videos").stream()
            .filter(e -> List.of("organized", "needs_review").contains(e.getKey()))
            .mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
        assertThat(settled).as(s.encodePrettily()).isEqualTo(NAMES.size());
      } finally {
        again.stop();
      }
    }
    try (Stream<Path> lib = Files.walk(dir.resolve("lib")); Stream<Path> in = Files.walk(dir.resolve("in"))) {
      long inLibrary = lib.filter(p -> p.toString().endsWith(".mkv")).count();
      long inSource = in.filter(p -> p.toString().endsWith(".mkv") && !p.toString().contains(".vorg-trash")).count();
      assertThat(inLibrary + inSource).as("every video once: in the library or waiting in its source").isEqualTo(NAMES.size());
    }
  }

  private static void awaitRunningIdentifySteps(TestServices.Env env) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < deadline) {
      if (!"0".equals(query(env, "select count(*) from jobs where stage = 'identify' and state = 'running'"))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no identify step ever ran");
  }

  private static String query(TestServices.Env env, String sql) throws Exception {
    try (var c = DriverManager.getConnection(Servers.jdbc(env.pgUrl())); var r = c.createStatement().executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }
}
