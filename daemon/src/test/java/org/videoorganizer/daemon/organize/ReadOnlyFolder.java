package org.videoorganizer.daemon.organize;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a folder refuse new entries. Mode bits do not stop root (the tests run as root here),
 * so as root the folder is made immutable with {@code chattr +i}; otherwise {@code chmod 555}.
 */
final class ReadOnlyFolder {

  private ReadOnlyFolder() {}

  static void lock(Path dir) throws IOException {
    if (isRoot()) {
      assumeThat(TestFiles.sh("chattr", "+i", dir.toString()))
          .as("as root only 'chattr +i' makes a folder refuse writes, and it failed here").isTrue();
    } else {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
  }

  static void unlock(Path dir) throws IOException {
    if (isRoot()) {
      TestFiles.sh("chattr", "-i", dir.toString());
    } else {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
