package org.videoorganizer.daemon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.DaemonProcess;
import org.videoorganizer.daemon.testsupport.Library;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Feeds a few hundred files while killing the daemon with SIGKILL at random moments, restarts
 * it each time, and proves at the end that every input is in the library exactly once (or,
 * not organized, still in the source), none lost, none doubled.
 */
@Tag("slow")
@ExtendWith(TestServices.class)
class CrashTest {

  static final int FIRST = 60;
  static final int PER_ROUND = 35;
  static final int KILLS = 4;

  @TempDir Path dir;

  @Test
  void killedAtRandomMomentsOnAnExternalDatabaseWithInProcessDispatchLosesNothing(TestServices.Env env) throws Exception {
    Map<String, String> vars = Scenario.env(dir);
    vars.put("VORG_DATABASE_URL", env.pgUrl());
    run(vars, 11);
  }

  @Test
  void killedAtRandomMomentsOnTheEmbeddedDatabaseWithRedisLosesNothing(TestServices.Env env) throws Exception {
    assumeTrue(env.redisUrl().isPresent(), "no Redis available");
    Map<String, String> vars = Scenario.env(dir);
    vars.put("VORG_REDIS_URL", env.redisUrl().get());
    vars.put("VORG_REDIS_KEY_PREFIX", env.keyPrefix() + "-crash");
    run(vars, 12);
  }

  private void run(Map<String, String> vars, long seed) throws Exception {
    Random random = new Random(seed);
    Path in = dir.resolve("in");
    Path log = dir.resolve("daemon.log");
    Map<String, String> inputs = new HashMap<>(Library.writeInputs(in, 0, FIRST, seed));
    DaemonProcess d = DaemonProcess.start(vars, log);
    try {
      for (int k = 0; k < KILLS; k++) {
        inputs.putAll(Library.writeInputs(in, FIRST + k * PER_ROUND, PER_ROUND, seed * 100 + k));
        Thread.sleep(1_000 + random.nextInt(3_000));
        d.kill();
        d = DaemonProcess.start(vars, log);
      }
      JsonObject settled = Scenario.awaitSettled(d, inputs.size(), Duration.ofMinutes(4));
      assertThat(d.terminate(Duration.ofSeconds(40))).as("graceful exit after SIGTERM (143 = by SIGTERM, hooks done)")
          .isIn(0, 143);
      assertThat(java.nio.file.Files.readString(log)).contains("stopped");
      Scenario.Proof proof = Scenario.prove(dir, inputs);
      System.out.printf("CRASH %d inputs, %d kills: %d in library once, %d kept in source; states %s%n",
          inputs.size(), KILLS, proof.inLibraryOnce(), proof.keptInSource(), settled.getJsonObject("videos").encode());
      assertThat(proof.inLibraryOnce()).as("most inputs organized").isGreaterThan(inputs.size() * 9 / 10);
      assertThat(settled.getJsonObject("videos").fieldNames()).as("no input was taken away, so none may be 'vanished'")
          .doesNotContain("vanished");
      assertThat(settled.getJsonObject("videos").getLong("organized", 0L)).as("the records agree with the library")
          .isEqualTo(proof.inLibraryOnce());
    } finally {
      d.close();
    }
  }
}
