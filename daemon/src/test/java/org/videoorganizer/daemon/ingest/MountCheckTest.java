package org.videoorganizer.daemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountCheckTest {

  @TempDir Path folder;

  @Test
  void aFolderWithoutAMarkerIsNeverChecked() {
    assertThat(MountCheck.problem("the library", folder.resolve("not even there"), Optional.empty())).isEmpty();
  }

  @Test
  void aFolderIsMountedWhileItsMarkerExists() throws Exception {
    Files.createDirectories(folder.resolve("meta"));
    Files.createFile(folder.resolve("meta/mounted"));
    assertThat(MountCheck.problem("the library", folder, Optional.of("meta/mounted"))).isEmpty();
  }

  @Test
  void anEmptyMountPointNamesWhatAndTheMissingFile() {
    assertThat(MountCheck.problem("the library", folder, Optional.of(".vorg-mounted"))).hasValue(
        "the library is not mounted: its marker file " + folder.resolve(".vorg-mounted") + " is missing");
  }
}
