package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tidies after runs that did not finish (killed, power loss): removes their temporary copies.
 * A temporary copy is never the only copy of anything: until it is published the source is
 * untouched, and after that the library name holds the same bytes. Everything else a killed run
 * left is a consistent state the next run reads from disk (same bytes at the target: done).
 */
final class JournalRecovery {

  private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

  private JournalRecovery() {}

  /** Recovers every unfinished journal of the library; returns how many temporary files it removed. */
  static int recover(Path library) throws IOException {
    Path dir = library.resolve(Journal.FOLDER);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jsonl")) {
      for (Path f : files) {
        removed += recoverOne(f);
      }
    }
    return removed;
  }

  private static int recoverOne(Path file) throws IOException {
    if (inUse(file)) {
      log.debug("{} belongs to a run that is still going on; left alone", file);
      return 0;
    }
    return recoverUnlocked(file);
  }

  /**
   * Whether a run is still writing the journal {@code file}: one of this process, or one whose
   * process holds the journal's lock.
   */
  static boolean inUse(Path file) throws IOException {
    if (Journal.writtenHere(file)) {
      return true;
    }
    try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      var lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (java.nio.channels.OverlappingFileLockException heldHere) {
      return true;
    }
  }

  private static int recoverUnlocked(Path file) throws IOException {
    JournalLines j;
    try {
      j = JournalLines.read(file);
    } catch (IllegalArgumentException notOurs) {
      return 0;
    }
    if (j.has("end") || j.has("recovered")) {
      return 0;
    }
    int removed = 0;
    var begun = new java.util.ArrayList<>(j.all("copy-begin"));
    begun.addAll(j.all("nfo-begin"));
    for (var line : begun) {
      Path temp = JournalLines.path(line, "temp");
      if (temp != null && temp.getFileName().toString().startsWith(".vorg-")
          && Files.deleteIfExists(temp)) {
        removed++;
        log.info("removed the temporary copy {} of an unfinished run", temp);
      }
    }
    try (Journal journal = Journal.reopen(file, j.runId())) {
      journal.write(Journal.entry("recovered").with("temps", removed));
    }
    return removed;
  }

  static boolean exists(Path p) {
    return p != null && Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }
}
