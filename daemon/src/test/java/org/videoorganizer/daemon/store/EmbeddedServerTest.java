package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServerTest {

  @TempDir Path box;

  @Test
  void nothingTheEmbeddedServerLeavesUnderDataDirIsOpenToOtherUsers() throws IOException {
    Path dataDir = box.resolve("data");
    try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
      assertThat(server.url()).startsWith("postgresql://");
    }
    assertThat(dataDir.resolve("pg-binaries")).isDirectory();
    List<String> open;
    try (Stream<Path> all = Files.walk(dataDir)) {
      open = all.filter(p -> !Files.isSymbolicLink(p)).filter(EmbeddedServerTest::openToOthers)
          .map(p -> dataDir.relativize(p) + " " + PosixFilePermissions.toString(perms(p))).toList();
    }
    assertThat(open).as("files and folders with group or other permissions").isEmpty();
  }

  @Test
  void anExistingFolderIsClosedToOthersAndItsContentWhenRestricted() throws IOException {
    Path dir = Files.createDirectories(box.resolve("shared"));
    Path file = Files.writeString(dir.resolve("bin"), "x");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrwxrwx"));
    OwnerOnly.restrict(dir);
    assertThat(PosixFilePermissions.toString(perms(dir))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(perms(file))).isEqualTo("rwx------");
  }

  private static boolean openToOthers(Path p) {
    return perms(p).stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
  }

  private static Set<PosixFilePermission> perms(Path p) {
    try {
      return Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
