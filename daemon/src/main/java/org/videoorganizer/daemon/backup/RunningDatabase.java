package org.videoorganizer.daemon.backup;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.store.Database;

/**
 * The database a backup reads: the external one; the embedded server of a running daemon,
 * found by its {@code postmaster.pid} (pid on line 1, port on line 4), connected to, never
 * started or stopped; or, when no daemon runs, the embedded server started for the backup.
 */
final class RunningDatabase {

  private RunningDatabase() {}

  static Future<Database> open(Vertx vertx, VorgConfig config) {
    if (config.database().isPresent()) {
      return Database.open(vertx, config.database(), config.dataDir());
    }
    return running(config.dataDir().resolve("postgres"))
        .map(port -> Database.open(vertx, "postgresql://postgres@localhost:" + port + "/postgres", 2))
        .orElseGet(() -> Database.open(vertx, Optional.empty(), config.dataDir()));
  }

  static Optional<Integer> running(Path pgData) {
    try {
      List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
      long pid = Long.parseLong(lines.get(0).strip());
      if (lines.size() < 4 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
        return Optional.empty();
      }
      return Optional.of(Integer.parseInt(lines.get(3).strip()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
