package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway rclone set-up for tests: an rclone.conf naming local folders and loopback servers
 * as remotes, and an {@link RcdSupervisor} over it. Nothing reaches the internet.
 */
final class RcloneHarness implements AutoCloseable {

  final Path dir;
  final Path conf;
  final RcdSupervisor rcd;

  RcloneHarness(Path dir, String confText) throws IOException {
    assumeRclone();
    this.dir = dir;
    this.conf = dir.resolve("rclone.conf");
    Files.writeString(conf, confText);
    this.rcd = new RcdSupervisor(RcloneSettings.defaults().withConfigFile(conf), dir.resolve("rcd.log"));
  }

  /** A conf with one remote {@code cloud} of type local: rclone computes every hash for it. */
  static String localRemote(String name) {
    return "[" + name + "]\ntype = local\n";
  }

  static void assumeRclone() {
    boolean present;
    try {
      Process p = new ProcessBuilder("rclone", "version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      present = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      present = false;
    }
    Assumptions.assumeTrue(present, "rclone is not installed (apt-get install rclone)");
  }

  @Override
  public void close() {
    rcd.close();
  }
}
