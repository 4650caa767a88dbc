package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Starts {@code rclone rcd} on loopback with credentials generated per start, checks its version,
 * and restarts it when it has died. The daemon keeps one; local sources never depend on it.
 */
public final class RcdSupervisor implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(15);

  private final RcloneSettings settings;
  private final Path logFile;
  private Process process;
  private RcClient client;
  private int starts;

  public RcdSupervisor(RcloneSettings settings, Path logFile) {
    this.settings = settings;
    this.logFile = logFile;
  }

  /** A client of a running rcd, starting or restarting it first when needed. */
  public synchronized RcClient client() {
    if (process == null || !process.isAlive()) {
      start();
    }
    return client;
  }

  /** How many times rcd was started (1 after the first start; more after crashes). */
  public synchronized int starts() {
    return starts;
  }

  /** The rcd process id, for tests and the status page. */
  public synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  private void start() {
    stopLeftover();
    String user = "vorg";
    String pass = secret();
    int port = freePort();
    Process p = launch(command(port, user, pass));
    RcClient c = new RcClient(URI.create("http://127.0.0.1:" + port + "/"), user, pass, settings.callTimeout());
    awaitHealthy(p, c);
    checkVersion(p, c.version());
    process = p;
    client = c;
    starts++;
    writePid(p.pid());
  }

  /**
   * An rcd left by a daemon that was killed (SIGKILL leaves its children running) would go on
   * writing to the library; it is stopped before a new one starts. Its pid is in rcd.pid.
   */
  private void stopLeftover() {
    Path pidFile = pidFile();
    try {
      if (!java.nio.file.Files.exists(pidFile)) {
        return;
      }
      long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).trim());
      ProcessHandle.of(pid)
          .filter(h -> h.info().commandLine().orElse("").contains("rcd"))
          .ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().join();
          });
      java.nio.file.Files.delete(pidFile);
    } catch (IOException | NumberFormatException e) {
      throw new RcloneProblem(RcloneProblem.Kind.FAILED, "reading " + pidFile + ": " + e, e);
    }
  }

  private void writePid(long pid) {
    try {
      java.nio.file.Files.writeString(pidFile(), Long.toString(pid));
    } catch (IOException e) {
      throw new RcloneProblem(RcloneProblem.Kind.FAILED, "writing " + pidFile() + ": " + e, e);
    }
  }

  private Path pidFile() {
    return logFile.resolveSibling("rcd.pid");
  }

  private List<String> command(int port, String user, String pass) {
    List<String> cmd = new ArrayList<>(List.of(settings.binary(), "rcd",
        "--rc-addr", "127.0.0.1:" + port, "--rc-user", user, "--rc-pass", pass,
        "--transfers", Integer.toString(settings.transfers()), "--use-json-log"));
    settings.configFile().ifPresent(f -> cmd.addAll(List.of("--config", f.toString())));
    settings.bwlimit().ifPresent(b -> cmd.addAll(List.of("--bwlimit", b)));
    return cmd;
  }

  private Process launch(List<String> cmd) {
    try {
      return new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
    } catch (IOException e) {
      throw new RcloneProblem(RcloneProblem.Kind.MISSING,
          "cannot run '" + settings.binary() + "' (install rclone >= 1.60): " + e.getMessage(), e);
    }
  }

  /**
   * A bounded readiness probe, kept on purpose with a short pause between tries: rclone offers
   * nothing to wait on until its port answers, and the probe ends within {@code STARTUP}.
   */
  private static void awaitHealthy(Process p, RcClient c) {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new RcloneProblem(RcloneProblem.Kind.FAILED, "rclone rcd exited at start with " + p.exitValue());
      }
      try {
        c.call("rc/noop", new io.vertx.core.json.JsonObject());
        return;
      } catch (RcloneProblem notYet) {
        sleep(Duration.ofMillis(100));
      }
    }
    p.destroyForcibly();
    throw new RcloneProblem(RcloneProblem.Kind.UNREACHABLE, "rclone rcd did not answer within " + STARTUP);
  }

  private static void checkVersion(Process p, int[] v) {
    if (!atLeast(v, RcloneSettings.MIN_VERSION)) {
      p.destroy();
      throw new RcloneProblem(RcloneProblem.Kind.TOO_OLD,
          "rclone " + v[0] + "." + v[1] + "." + v[2] + " is older than 1.60.0");
    }
  }

  static boolean atLeast(int[] v, int[] min) {
    for (int i = 0; i < 3; i++) {
      if (v[i] != min[i]) {
        return v[i] > min[i];
      }
    }
    return true;
  }

  private static String secret() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new RcloneProblem(RcloneProblem.Kind.FAILED, "no free loopback port: " + e, e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RcloneProblem(RcloneProblem.Kind.UNREACHABLE, "interrupted while starting rclone rcd", e);
    }
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      process.destroy();
      process.onExit().join();
      process = null;
      try {
        java.nio.file.Files.deleteIfExists(pidFile());
      } catch (IOException ignored) {
        // a stale pid file is checked against the command line before anything is killed
      }
    }
  }
}
