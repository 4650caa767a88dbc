package org.videoorganizer.daemon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeCatalog;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.testsupport.DaemonProcess;
import org.videoorganizer.daemon.testsupport.Library;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Files per hour through the whole pipeline (ingest, fingerprint, TMDB match against a fake
 * TMDB answering in 50-200 ms, organize) with one daemon and with three daemons sharing one
 * PostgreSQL and one Redis; every file handled exactly once. Prints its figures ("BENCH ...").
 */
@Tag("slow")
@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ScaleOutBench {

  static final int FILES = Integer.getInteger("vorg.bench.files", 200);
  private FakeTmdbServer tmdb;

  @BeforeAll
  void tmdb() {
    tmdb = FakeTmdbServer.start();
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      tmdb.enqueue(new FakeTmdbServer.Fault(0, null, Map.of(), Duration.ofMillis(50 + r.nextInt(151))));
    }
  }

  @AfterAll
  void stop() {
    tmdb.close();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void oneDaemonAtItsDefaultConcurrency(TestServices.Env env, @TempDir Path dir) throws Exception {
    String jvm = System.getProperty("vorg.bench.jvm", "").trim();
    run(env, dir, 1, 4, jvm.isEmpty() ? new String[0] : jvm.split("\\s+"));
  }

  /** One step at a time per daemon, so the work waits on TMDB: three daemons should finish sooner. */
  @Test
  @org.junit.jupiter.api.Order(3)
  void oneDaemonWaitingOnTmdb(TestServices.Env env, @TempDir Path dir) throws Exception {
    single = run(env, dir, 1, 1);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} daemons")
  @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3})
  @org.junit.jupiter.api.Order(4)
  void severalDaemonsShareTheWorkAndFinishSooner(int daemons, TestServices.Env env, @TempDir Path dir) throws Exception {
    assumeTrue(env.redisUrl().isPresent(), "no Redis available");
    assumeTrue(single > 0, "the one-daemon run did not complete");
    double seconds = run(env, dir, daemons, 1);
    System.out.printf("BENCH scale-out speed-up %d daemons vs 1 (one step each, TMDB-bound): %.2fx%n", daemons,
        single / seconds);
    assertThat(seconds).as("%d daemons finish sooner than one", daemons).isLessThan(single);
  }

  private double single;

  private double run(TestServices.Env env, Path dir, int daemons, int concurrency, String... jvm) throws Exception {
    Map<String, String> vars = Scenario.env(dir);
    vars.put("VORG_DATABASE_URL", TestServices.newDatabase());
    env.redisUrl().ifPresent(u -> vars.put("VORG_REDIS_URL", u));
    vars.put("VORG_REDIS_KEY_PREFIX", env.keyPrefix() + "-bench" + daemons);
    vars.put("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY);
    vars.put("VORG_TMDB_BASE_URL", tmdb.baseUrl());
    vars.put("VORG_WORKERS_CONCURRENCY", Integer.toString(concurrency));
    vars.put("VORG_INGEST_STABLE_SECONDS", "0");
    if (daemons == 1) {
      vars.remove("VORG_REDIS_URL");
    }
    List<DaemonProcess> started = new ArrayList<>();
    try {
      for (int i = 0; i < daemons; i++) {
        started.add(DaemonProcess.start(vars, dir.resolve("daemon-" + i + ".log"), jvm));
      }
      Thread.sleep(5_000);
      long startKib = started.getFirst().rssKib();
      long idleKib = startKib;
      if (daemons == 1 && concurrency > 1) {
        // A daemon spends its life idle, not in its first seconds: the figure that matters is
        // after start-up's garbage is collected (G1's periodic collection runs after 10 s).
        Thread.sleep(25_000);
        idleKib = started.getFirst().rssKib();
      }
      long t0 = System.nanoTime();
      Map<String, String> inputs = writeCatalogInputs(dir.resolve("in"), FILES);
      var settled = Scenario.awaitSettled(started.getFirst(), inputs.size(), Duration.ofMinutes(10));
      double seconds = (System.nanoTime() - t0) / 1e9;
      Scenario.Proof proof = Scenario.prove(dir, inputs);
      System.out.printf("BENCH pipeline daemons=%d concurrency=%d jvm=%s files=%d seconds=%.1f files/hour=%.0f organized=%d review=%d states=%s%n",
          daemons, concurrency, jvm.length == 0 ? "daemon.options" : String.join(" ", jvm), inputs.size(), seconds, inputs.size() * 3600 / seconds,
          proof.inLibraryOnce(), proof.keptInSource(), settled.getJsonObject("videos").encode());
      assertThat(proof.inLibraryOnce() + proof.keptInSource()).isEqualTo(inputs.size());
      if (daemons > 1) {
        assertThat(workers(vars.get("VORG_DATABASE_URL"))).as("every daemon did some of the work").isEqualTo(daemons);
      }
      if (daemons == 1 && concurrency > 1) {
        Thread.sleep(10_000);
        long after10 = started.getFirst().rssKib();
        Thread.sleep(20_000);
        System.out.printf("BENCH rss jvm=%s 5s-after-start=%.0f MiB, idle-30s-after-start=%.0f MiB, "
            + "idle-10s-after-the-batch=%.0f MiB, 30s=%.0f MiB%n",
            jvm.length == 0 ? "daemon.options" : String.join(" ", jvm), startKib / 1024.0, idleKib / 1024.0, after10 / 1024.0,
            started.getFirst().rssKib() / 1024.0);
      }
      return seconds;
    } finally {
      for (DaemonProcess d : started) {
        d.terminate(Duration.ofSeconds(30));
      }
    }
  }

  private static int workers(String url) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(org.videoorganizer.daemon.testsupport.Servers.jdbc(url));
        var rs = c.createStatement().executeQuery("select count(distinct lease_owner) from jobs where state = 'done'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Files named like catalog films ("Title (Year).mkv"), random content; sha256 -> name. */
  static Map<String, String> writeCatalogInputs(Path in, int count) throws IOException {
    Files.createDirectories(in);
    Set<String> names = new HashSet<>();
    Map<String, String> out = new LinkedHashMap<>();
    Random random = new Random(3);
    for (FakeCatalog.Movie m : FakeCatalog.standard().movies()) {
      if (out.size() == count) {
        break;
      }
      if (m.date() == null || m.title().contains("/") || !names.add(m.title().toLowerCase() + m.date().getYear())) {
        continue;
      }
      byte[] bytes = new byte[16 * 1024 + random.nextInt(64 * 1024)];
      random.nextBytes(bytes);
      String name = m.title() + " (" + m.date().getYear() + ").mkv";
      Path tmp = in.resolve("." + out.size() + ".partial");
      Files.write(tmp, bytes);
      Files.move(tmp, in.resolve(name));
      out.put(Library.sha256(in.resolve(name)), name);
    }
    return new HashMap<>(out);
  }
}
