package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where retired sources go: {@code <source root>/.vorg-trash/<run>/<path below the root>}, on the
 * source's own filesystem, reached by a rename and never by a copy. When the root's trash is on
 * another filesystem than the file, the trash is next to the file instead.
 */
final class Trash {

  static final String FOLDER = ".vorg-trash";

  private final Path root;
  private final String runId;

  Trash(Path root, String runId) {
    this.root = root;
    this.runId = runId;
  }

  /** Renames {@code source} into the trash; returns where it now is. Never copies. */
  Path retire(Path source, DirSync dirs) throws IOException {
    try {
      return rename(source, pathFor(source), dirs);
    } catch (AtomicMoveNotSupportedException otherFilesystem) {
      return rename(source, besidePath(source, runId), dirs);
    }
  }

  /** Where {@code source} goes in the trash of the source root. */
  Path pathFor(Path source) {
    Path rel = source.startsWith(root) ? root.relativize(source) : source.getFileName();
    return root.resolve(FOLDER).resolve(runId).resolve(rel);
  }

  /** Where {@code source} goes when the root's trash is on another filesystem. */
  static Path besidePath(Path source, String runId) {
    return source.resolveSibling(FOLDER).resolve(runId).resolve(source.getFileName());
  }

  // ATOMIC_MOVE is rename(2): it fails across filesystems instead of copying. It would replace
  // an existing name, so the name (unique per run) is checked first.
  static Path rename(Path from, Path to, DirSync dirs) throws IOException {
    dirs.ensure(to.getParent());
    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(to.toString(), null, "the trash already holds this name");
    }
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    dirs.touched(from.getParent());
    dirs.touched(to.getParent());
    return to;
  }
}
