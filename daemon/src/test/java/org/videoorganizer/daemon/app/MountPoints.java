package org.videoorganizer.daemon.app;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Shared steps of the mount-marker tests. A "mount that dropped" is the folder renamed away and
 * an empty folder left at its path, which is what a mount point looks like once the mount is
 * gone. {@code workers.max_attempts} is 1, so a wait that counted as an attempt would fail for good.
 */
final class MountPoints {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private MountPoints() {}

  static Daemon start(Path dir, TestServices.Env env, Map<String, String> vars) throws IOException {
    Map<String, String> all = new HashMap<>(Map.of("VORG_WORKERS_MAX_ATTEMPTS", "1"));
    all.putAll(vars);
    return Daemon.start(DaemonTest.config(dir, env, all));
  }

  /** The mount drops: its contents go away and an empty folder is left at the mount point. */
  static Path drop(Path mountPoint) throws IOException {
    Path remote = mountPoint.resolveSibling(mountPoint.getFileName() + ".remote");
    Files.move(mountPoint, remote);
    Files.createDirectory(mountPoint);
    return remote;
  }

  static void restore(Path mountPoint, Path remote) throws IOException {
    Files.delete(mountPoint);
    Files.move(remote, mountPoint);
  }

  static JsonObject status(Daemon d) throws Exception {
    return DaemonTest.status(HTTP, d);
  }

  static JsonObject await(Daemon d, Predicate<JsonObject> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonObject s = status(d);
    while (!done.test(s)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 30 s: " + s.encodePrettily());
      }
      Thread.sleep(200);
      s = status(d);
    }
    return s;
  }

  static long count(JsonObject s, String state) {
    return s.getJsonObject("videos").getLong(state, 0L);
  }

  static JsonObject firstSource(JsonObject s) {
    return s.getJsonArray("sources").getJsonObject(0);
  }
}
