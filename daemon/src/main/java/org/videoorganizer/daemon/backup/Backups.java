package org.videoorganizer.daemon.backup;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.blocking.Repeating;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.LogicalDump;

/**
 * Backups of one installation: on demand ({@link #backup}), on the daemon's schedule with
 * retention ({@link #schedule}), and the restore into an empty data_dir or database
 * ({@link #restore}).
 */
public final class Backups {

  private static final Logger log = LoggerFactory.getLogger(Backups.class);
  static final String PREFIX = "vorg-backup-";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final VorgConfig config;
  private final Optional<Path> configFile;

  public Backups(VorgConfig config, Optional<Path> configFile) {
    this.config = config;
    this.configFile = configFile;
  }

  /** The archive name for now: {@code vorg-backup-20261205-104400.zip}. */
  public static String fileName(Clock clock) {
    return PREFIX + STAMP.format(clock.instant()) + ".zip";
  }

  /** Writes one archive from a database the caller has open. */
  public BackupArchive.Written backup(Database db, Path target) throws IOException {
    return BackupArchive.write(new LogicalDump(db.pool()), config.library(), configFile, config.toString(), target);
  }

  /** Writes one archive, opening the database (a running daemon's embedded server is used, not started again). */
  public BackupArchive.Written backup(Path target) throws IOException {
    Vertx vertx = Vertx.vertx();
    try {
      Database db = Blocking.await(RunningDatabase.open(vertx, config));
      try {
        return backup(db, target);
      } finally {
        Blocking.await(db.close());
      }
    } finally {
      Blocking.await(vertx.close());
    }
  }

  /** What a restore did. */
  public record Restored(long rows, int journals, boolean config) {}

  /**
   * Loads {@code archive} into the configured database, which must be empty: for the embedded one
   * a {@code data_dir} without a database. Puts back journals the library lacks.
   */
  public Restored restore(Path archive) throws IOException {
    if (config.database().isEmpty() && Files.exists(config.dataDir().resolve("postgres"))) {
      throw new IllegalStateException(config.dataDir().resolve("postgres") + " exists: restore into an empty data_dir "
          + "(move the old one away first; nothing was changed)");
    }
    try (BackupArchive.Reader reader = new BackupArchive.Reader(archive)) {
      LogicalDump.Contents contents = reader.contents();
      Vertx vertx = Vertx.vertx();
      try {
        Database db = Blocking.await(Database.open(vertx, config.database(), config.dataDir()));
        try {
          new LogicalDump(db.pool()).load(contents, reader::rows);
        } finally {
          Blocking.await(db.close());
        }
      } finally {
        Blocking.await(vertx.close());
      }
      int journals = reader.restoreJournals(config.library());
      boolean cfg = reader.restoreConfig(config.dataDir().resolve("restored-vorg.yaml"));
      return new Restored(contents.rows().values().stream().mapToLong(Long::longValue).sum(), journals, cfg);
    }
  }

  /**
   * In the daemon: every {@code backup.every} into {@code backup.dir}, keeping {@code backup.keep},
   * one backup at a time on one virtual thread; the daemon stops it before the database closes.
   */
  public Optional<Repeating> schedule(Database db, Clock clock) {
    return config.backup().dir().map(dir -> Repeating.after("vorg-backup", config.backup().every(),
        () -> scheduled(db, dir, clock)));
  }

  void scheduled(Database db, Path dir, Clock clock) throws InterruptedException {
    try {
      BackupArchive.Written w = backup(db, dir.resolve(fileName(clock)));
      log.info("backup {} written: {} bytes in {} ms", w.file(), w.bytes(), w.took().toMillis());
      prune(dir, config.backup().keep());
    } catch (IOException | RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("backup into " + dir + " cut short by the stop");
      }
      log.warn("scheduled backup into {} failed: {}", dir, e.toString());
    }
  }

  /** Deletes the oldest of our archives in {@code dir} beyond {@code keep}; other files are left alone. */
  static List<Path> prune(Path dir, int keep) throws IOException {
    List<Path> ours;
    try (Stream<Path> files = Files.list(dir)) {
      ours = files.filter(p -> p.getFileName().toString().matches("vorg-backup-\\d{8}-\\d{6}\\.zip")).sorted().toList();
    }
    List<Path> old = ours.subList(0, Math.max(0, ours.size() - keep));
    for (Path p : old) {
      Files.delete(p);
    }
    return old;
  }
}
