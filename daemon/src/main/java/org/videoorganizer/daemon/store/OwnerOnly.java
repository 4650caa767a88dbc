package org.videoorganizer.daemon.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Keeps what the daemon writes under {@code data_dir} to its owner: the PostgreSQL binaries it
 * runs, the database, tokens and journals. A folder another local user could write into would
 * let them replace a binary the daemon executes.
 */
public final class OwnerOnly {

  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private OwnerOnly() {}

  /** Creates {@code dir} and missing parents as {@code rwx------}; an existing {@code dir} itself is restricted. */
  public static Path createDirectories(Path dir) throws IOException {
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    strip(dir);
    return dir;
  }

  /** Takes every group and other permission off {@code root} and, for a folder, everything below it (links not followed). */
  public static void restrict(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        strip(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!attrs.isSymbolicLink()) {
          strip(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void strip(Path p) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
    if (perms.removeAll(OTHERS)) {
      Files.setPosixFilePermissions(p, perms);
    }
  }
}
