package org.videoorganizer.daemon.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL under {@code data_dir/postgres}. A server left running by a killed
 * daemon (its postmaster.pid names a live postgres on the same folder) is stopped first.
 */
final class EmbeddedServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedServer start(Path dataDir) throws IOException {
    Path pgData = OwnerOnly.createDirectories(dataDir.resolve("postgres"));
    Path binaries = OwnerOnly.createDirectories(dataDir.resolve("pg-binaries"));
    stopLeftover(pgData);
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(binaries.toFile())
        .setPGStartupWait(Duration.ofSeconds(60))
        .setRegisterShutdownHook(false) // the daemon stops it last, after releasing its jobs
        .start();
    // The extractor leaves what it unpacks writable by everyone, and its lock file readable.
    OwnerOnly.restrict(binaries);
    OwnerOnly.restrict(pgData);
    log.info("embedded PostgreSQL started on port {} in {}", pg.getPort(), pgData);
    return new EmbeddedServer(pg);
  }

  String url() {
    return "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  /** Stops a postgres whose postmaster.pid in {@code pgData} names a live process of that folder. */
  static void stopLeftover(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    long pid = lines.isEmpty() ? -1 : parse(lines.getFirst());
    Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
    if (process.isEmpty() || !isPostgresOf(pid, pgData)) {
      log.info("removing stale {} (no live postgres with pid {})", pidFile, pid);
      Files.deleteIfExists(pidFile);
      return;
    }
    log.warn("stopping a leftover embedded PostgreSQL (pid {}) from a previous run", pid);
    signal(pid, "INT");
    if (!waitForExit(process.get(), Duration.ofSeconds(30))) {
      signal(pid, "KILL");
      waitForExit(process.get(), Duration.ofSeconds(10));
    }
  }

  private static long parse(String line) {
    try {
      return Long.parseLong(line.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean isPostgresOf(long pid, Path pgData) {
    try {
      String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
      return cmdline.contains("postgres") && cmdline.contains(pgData.toString());
    } catch (IOException e) {
      return false;
    }
  }

  private static void signal(long pid, String name) throws IOException {
    try {
      new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping a leftover PostgreSQL", e);
    }
  }

  private static boolean waitForExit(ProcessHandle process, Duration limit) {
    try {
      process.onExit().get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

}
