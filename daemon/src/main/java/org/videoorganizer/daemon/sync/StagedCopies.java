package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The staged copies of one remote source's download, deleted once its video is in the library:
 * the file in {@code data_dir/staging/<name>/<path>} (copy and hardlink modes) and the copies the
 * organize step retired to the staging folder's trash ({@code .vorg-trash/<run>/<path>}, move
 * mode). The cloud original and the library copy stay; only the daemon's own staging is tidied.
 */
final class StagedCopies {

  private static final String TRASH = ".vorg-trash";

  private final Path root;

  /** @param root the source's staging folder, {@code data_dir/staging/<name>} */
  StagedCopies(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Deletes every staged copy of {@code path} that has this size (a newer version differs); returns how many went. */
  int delete(String path, long size) throws IOException {
    int n = deleteIfInside(root.resolve(path), size);
    Path trash = root.resolve(TRASH);
    if (Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> runs = Files.newDirectoryStream(trash)) {
        for (Path run : runs) {
          n += deleteIfInside(run.resolve(path), size);
        }
      }
    }
    return n;
  }

  private int deleteIfInside(Path file, long size) throws IOException {
    Path f = file.normalize();
    if (!f.startsWith(root) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) != size) {
      return 0;
    }
    Files.delete(f);
    return 1;
  }
}
