package org.videoorganizer.daemon.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a folder is really the mounted one. A dropped rclone, SSHFS or NFS mount leaves an
 * empty local folder at the mount point: a source would look empty and the library would be
 * written onto the local disk. A marker file that exists only on the real storage tells them
 * apart.
 */
public final class MountCheck {

  private MountCheck() {}

  /**
   * Empty when {@code marker} is not configured or the file exists in {@code folder}; else the
   * reason, naming {@code what} ("the library", "source 'downloads'") and the missing file.
   */
  public static Optional<String> problem(String what, Path folder, Optional<String> marker) {
    if (marker.isEmpty()) {
      return Optional.empty();
    }
    Path file = folder.resolve(marker.get());
    if (Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(what + " is not mounted: its marker file " + file + " is missing");
  }
}
