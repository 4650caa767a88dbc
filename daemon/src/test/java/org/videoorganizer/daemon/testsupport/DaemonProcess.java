package org.videoorganizer.daemon.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code vorg daemon} in its own JVM (the test's classpath), configured only through
 * VORG_* variables, so scenario tests can SIGKILL it, SIGTERM it and measure it.
 */
public final class DaemonProcess implements AutoCloseable {

  private final Process process;
  private final String statusUrl;
  private final String token;

  private DaemonProcess(Process process, String statusUrl, String token) {
    this.process = process;
    this.statusUrl = statusUrl;
    this.token = token;
  }

  /**
   * Starts a daemon and waits until its status endpoint is up; its log goes to {@code log}. It
   * runs with the JVM options {@code vorg daemon} ships with ({@code daemon/jvm/daemon.options}),
   * or with {@code jvmOptions} instead when there are any.
   */
  public static DaemonProcess start(Map<String, String> env, Path log, String... jvmOptions) throws IOException {
    return start(List.of(), env, log, jvmOptions);
  }

  /**
   * As {@link #start(Map, Path, String...)}, with {@code commandPrefix} run in front of the
   * {@code java} command, for example {@code setpriv ...} to take capabilities away from it.
   */
  public static DaemonProcess start(List<String> commandPrefix, Map<String, String> env, Path log, String... jvmOptions)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(commandPrefix);
    cmd.add(java);
    if (jvmOptions.length == 0) {
      cmd.add("@" + shippedOptions());
    } else {
      cmd.add("--enable-native-access=ALL-UNNAMED");
      cmd.addAll(List.of(jvmOptions));
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.videoorganizer.daemon.cli.Main", "-v", "daemon"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("VORG_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        return reader.readLine();
      } catch (IOException e) {
        return null;
      }
    });
    try {
      String first = line.get(120, TimeUnit.SECONDS);
      if (first == null || !first.contains("\"status\"")) {
        p.destroyForcibly();
        throw new IOException("daemon did not start; see " + log + ": " + tail(log));
      }
      var started = new io.vertx.core.json.JsonObject(first);
      String token = started.containsKey("token_file")
          ? Files.readString(Path.of(started.getString("token_file"))).strip()
          : env.get("VORG_HTTP_TOKEN");
      return new DaemonProcess(p, started.getString("status"), token);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      p.destroyForcibly();
      throw new IOException("daemon did not start within 120 s; see " + log + ": " + tail(log), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted", e);
    }
  }

  public String statusUrl() {
    return statusUrl;
  }

  /** {@code GET /api/status} with the daemon's bearer token. */
  public java.net.http.HttpRequest.Builder statusRequest() {
    return java.net.http.HttpRequest.newBuilder(java.net.URI.create(statusUrl)).header("Authorization", "Bearer " + token);
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook runs; the embedded PostgreSQL (if any) is left running. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM and wait for the graceful stop; returns the exit status. */
  public int terminate(Duration limit) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      return -1;
    }
    return process.exitValue();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Resident memory in KiB, from /proc. */
  public long rssKib() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  /** The daemon's JVM options file, found from the module or the project folder. */
  public static Path shippedOptions() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p : List.of(here.resolve("jvm/daemon.options"), here.resolve("daemon/jvm/daemon.options"))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException("daemon/jvm/daemon.options not found from " + here);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
