package org.videoorganizer.daemon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.DaemonProcess;
import org.videoorganizer.daemon.testsupport.Library;
import org.videoorganizer.daemon.testsupport.RedisProcess;

/**
 * A private PostgreSQL is restarted and a private Redis is stopped and started while the daemon
 * works: jobs are delayed, never lost, and nothing is organized twice.
 */
@Tag("slow")
class OutageTest {

  @TempDir Path dir;

  @Test
  void aPostgresRestartAndARedisOutageMidRunLoseNothing() throws Exception {
    int pgPort = freePort();
    int redisPort = freePort();
    Optional<RedisProcess> redis = RedisProcess.launch(redisPort);
    assumeTrue(redis.isPresent(), "no redis-server on the PATH");
    EmbeddedPostgres pg = postgres(pgPort);
    Map<String, String> vars = Scenario.env(dir);
    vars.put("VORG_DATABASE_URL", "postgresql://postgres@127.0.0.1:" + pgPort + "/postgres");
    vars.put("VORG_REDIS_URL", "redis://127.0.0.1:" + redisPort);
    Path in = dir.resolve("in");
    Map<String, String> inputs = new HashMap<>(Library.writeInputs(in, 0, 60, 21));
    try (DaemonProcess d = DaemonProcess.start(vars, dir.resolve("daemon.log"))) {
      Thread.sleep(2_000);
      pg.close();
      inputs.putAll(Library.writeInputs(in, 60, 40, 22));
      Thread.sleep(4_000);
      pg = postgres(pgPort);
      Thread.sleep(2_000);
      redis.get().stop();
      inputs.putAll(Library.writeInputs(in, 100, 40, 23));
      Thread.sleep(4_000);
      redis = RedisProcess.launch(redisPort);
      inputs.putAll(Library.writeInputs(in, 140, 20, 24));
      var settled = Scenario.awaitSettled(d, inputs.size(), Duration.ofMinutes(4));
      assertThat(d.alive()).isTrue();
      Scenario.Proof proof = Scenario.prove(dir, inputs);
      System.out.printf("OUTAGE %d inputs: %d in library once, %d kept in source; states %s%n", inputs.size(),
          proof.inLibraryOnce(), proof.keptInSource(), settled.getJsonObject("videos").encode());
      assertThat(proof.inLibraryOnce()).isGreaterThan(inputs.size() * 9 / 10);
      assertThat(settled.getJsonObject("videos").fieldNames()).as("no input was taken away, so none may be 'vanished'")
          .doesNotContain("vanished");
    } finally {
      pg.close();
      redis.ifPresent(RedisProcess::stop);
    }
  }

  private EmbeddedPostgres postgres(int port) throws java.io.IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(dir.resolve("pg-bin").toFile()).setPort(port).start();
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
