package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Folder bookkeeping for the mover: creates folders (recording the ones it made, so undo can
 * remove them when empty), remembers which folders changed, and forces them to disk.
 */
final class DirSync {

  private final Set<Path> known = new HashSet<>();
  private final Set<Path> dirty = new LinkedHashSet<>();

  /** Creates {@code dir} and missing parents; returns the folders it created, top first. */
  List<Path> ensure(Path dir) throws IOException {
    // Checked again on disk: a long-lived mover (the daemon's) must survive a folder removed
    // meanwhile (an undo, a person tidying up).
    if (known.contains(dir) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    var missing = new ArrayList<Path>();
    for (Path d = dir; d != null && !Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) {
      missing.addFirst(d);
    }
    for (Path d : missing) {
      Files.createDirectory(d);
      dirty.add(d.getParent());
    }
    known.add(dir);
    return missing;
  }

  /** A folder whose entries changed; forced at the next {@link #flush()}. */
  void touched(Path dir) {
    dirty.add(dir);
  }

  /** Forces one folder's entries to disk now. */
  static void force(Path dir) throws IOException {
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    }
  }

  /** Forces every changed folder to disk. */
  void flush() throws IOException {
    for (Path d : dirty) {
      if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
        force(d);
      }
    }
    dirty.clear();
  }
}
