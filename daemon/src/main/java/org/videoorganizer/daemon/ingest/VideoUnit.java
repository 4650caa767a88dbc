package org.videoorganizer.daemon.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.videoorganizer.daemon.source.SourceGroup;

/**
 * The size and modification time ingest watches for one video unit: a plain video's own; a DVD or
 * Blu-ray folder's summed over its files, with the latest time, so a disc still being copied is
 * not taken until every file of it is still. Fingerprinting checks the same figures again.
 */
public record VideoUnit(long size, long mtimeMs) {

  /** The unit of {@code group}, read now without following links. */
  public static VideoUnit of(SourceGroup group) throws IOException {
    if (group.disc() == null) {
      return of(group.video());
    }
    long size = 0;
    long mtime = 0;
    for (Path f : group.disc().files()) {
      VideoUnit one = of(f);
      size += one.size();
      mtime = Math.max(mtime, one.mtimeMs());
    }
    return new VideoUnit(size, mtime);
  }

  static VideoUnit of(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return new VideoUnit(a.size(), a.lastModifiedTime().toMillis());
  }
}
