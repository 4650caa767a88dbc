package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.testsupport.TestServices;

/** A start that fails half-way stops what it had started and says why. */
@ExtendWith(TestServices.class)
class FailedStartTest {

  @TempDir Path dir;

  /**
   * The embedded PostgreSQL (a process) and the Jellyfin side (a loop of ours) are up before the
   * status endpoints try the port; both must be gone when the start has failed.
   */
  @Test
  void aTakenHttpPortFailsTheStartNamingTheKeyAndLeavesNothingOfOursRunning(TestServices.Env env) throws Exception {
    assertThat(aVirtualLoopIsSeen()).as("the thread dump lists virtual threads").isTrue();
    Map<Long, String> before = ourLoops();
    VorgConfig probe = DaemonTest.config(dir, env, Map.of());
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(probe.http().host()))) {
      String port = String.valueOf(taken.getLocalPort());
      Map<String, String> vars = new HashMap<>(Map.of("VORG_SOURCES", "in=" + dir.resolve("in"),
          "VORG_LIBRARY", dir.resolve("lib").toString(), "VORG_DATA_DIR", dir.resolve("data").toString(),
          "VORG_HTTP_PORT", port, // no VORG_DATABASE_URL: the embedded PostgreSQL starts
          "VORG_JELLYFIN_URL", "http://127.0.0.1:9", "VORG_JELLYFIN_API_KEY", "0123456789abcdef0123456789abcdef",
          "VORG_JELLYFIN_PATH_MAP", dir.resolve("lib") + "=/media"));
      VorgConfig config = ConfigLoader.load(Optional.empty(), vars);

      assertThatThrownBy(() -> Daemon.start(config)).hasMessageContaining("http.port").hasMessageContaining(":" + port);

      Map<Long, String> after = ourLoops();
      after.keySet().removeAll(before.keySet());
      assertThat(after).as("loops of ours still running after the failed start").isEmpty();
      assertThat(processesOf(dir.resolve("data"))).as("processes working in the data_dir").isEmpty();
    }
  }

  private static List<String> processesOf(Path dataDir) {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains(dataDir.toString())).toList();
  }

  private static boolean aVirtualLoopIsSeen() throws IOException, InterruptedException {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread probe = Thread.ofVirtual().name("vorg-watch-probe").start(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      return ourLoops().containsValue("vorg-watch-probe");
    } finally {
      release.countDown();
      probe.join();
    }
  }

  /** The daemon's loops (a thread per loop, named so), not the short-lived threads that hand work back to Vert.x. */
  private static final List<String> LOOPS = List.of("vorg-poll", "vorg-doorbell", "vorg-job-", "vorg-ingest-", "vorg-watch",
      "vorg-review-sweeps", "vorg-alerts", "vorg-backup", "vorg-sync-", "vorg-jellyfin-confirm", "vorg-jellyfin-correct");

  /**
   * Live loops of ours by thread id, virtual threads included: a thread dump lists them,
   * {@code Thread.getAllStackTraces} does not.
   */
  static Map<Long, String> ourLoops() throws IOException {
    Path dump = Files.createTempFile(dir(), "threads", ".json");
    Files.delete(dump); // dumpThreads refuses to overwrite
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
    Map<Long, String> loops = new java.util.HashMap<>();
    JsonObject root = new JsonObject(Files.readString(dump)).getJsonObject("threadDump");
    root.getJsonArray("threadContainers").forEach(c -> ((JsonObject) c).getJsonArray("threads").forEach(t -> {
      String name = ((JsonObject) t).getString("name", "");
      if (LOOPS.stream().anyMatch(name::startsWith)) {
        loops.put(Long.parseLong(((JsonObject) t).getValue("tid").toString()), name);
      }
    }));
    Files.delete(dump);
    return loops;
  }

  private static Path dir() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
