package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.videoorganizer.daemon.organize.FileResult.Outcome;
import org.videoorganizer.daemon.plan.PlannedNfo;

/**
 * Writes planned NFO files into the library the way videos are published: a dot-named temporary
 * file in the target folder, forced to disk, then linked to its name (refusing to overwrite) and
 * removed. An existing file is kept. Journal: {@code nfo-begin} (with the temp, which recovery
 * removes) and {@code nfo-written} (size and CRC-32C, which undo checks before removing it).
 */
final class NfoPublisher {

  private final Journal journal;
  private final DirSync dirs;
  private int temps;

  NfoPublisher(Journal journal, DirSync dirs) {
    this.journal = journal;
    this.dirs = dirs;
  }

  FileResult write(int unit, PlannedNfo nfo) {
    Path target = nfo.target();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return kept(target);
    }
    byte[] bytes = nfo.content().getBytes(StandardCharsets.UTF_8);
    Path temp = target.resolveSibling(".vorg-" + journal.runId() + "-nfo-" + (++temps) + ".tmp");
    try {
      journal.write(Journal.entry("nfo-begin").with("unit", unit).with("target", target).with("temp", temp));
      writeForced(temp, bytes);
      try {
        Files.createLink(target, temp);
      } catch (FileAlreadyExistsException raced) {
        Files.delete(temp);
        return kept(target);
      }
      Files.delete(temp);
      dirs.touched(target.getParent());
      journal.write(Journal.entry("nfo-written").with("unit", unit).with("target", target)
          .with("size", bytes.length).with("crc32c", crc(bytes)));
      return new FileResult(null, target, Outcome.WRITTEN, null, 0);
    } catch (IOException e) {
      deleteQuietly(temp);
      return new FileResult(null, target, Outcome.FAILED, "the NFO could not be written: " + SafeMover.describe(e), 0);
    }
  }

  private static FileResult kept(Path target) {
    return new FileResult(null, target, Outcome.SKIPPED, "an NFO is already there; it is kept", 0);
  }

  private static void writeForced(Path file, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
  }

  static String crc(byte[] bytes) {
    var crc = new CRC32C();
    crc.update(bytes);
    return Long.toHexString(crc.getValue());
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a leftover temporary name is removed by the next run's recovery
    }
  }
}
