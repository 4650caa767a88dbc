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

  @Test
  @org.junit.jupiter.api.Timeout(20)
  void aMountThatDoesNotAnswerCountsAsNotMountedAndIsLookedAtByOneThreadOnly() throws Exception {
    var release = new java.util.concurrent.CountDownLatch(1);
    var looks = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Predicate<Path> hung = p -> {
      looks.incrementAndGet();
      try {
        release.await(); // a stat on a hung SSHFS or NFS mount
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return true;
    };
    var limit = java.time.Duration.ofMillis(200);
    Path marker = folder.resolve(".vorg-mounted");
    assertThat(MountCheck.problem("the library", folder, Optional.of(".vorg-mounted"), limit, hung))
        .hasValueSatisfying(why -> assertThat(why).startsWith("the library is not responding").contains(marker.toString()));
    assertThat(MountCheck.problem("the library", folder, Optional.of(".vorg-mounted"), limit, hung)).isPresent();
    assertThat(looks.get()).as("the stuck look is shared, not started again").isEqualTo(1);

    release.countDown(); // the server answers again
    long deadline = System.nanoTime() + 5_000_000_000L;
    Optional<String> now = Optional.of("not yet");
    while (now.isPresent() && System.nanoTime() < deadline) {
      now = MountCheck.problem("the library", folder, Optional.of(".vorg-mounted"), limit, p -> true);
    }
    assertThat(now).as("mounted again once the look returns").isEmpty();
  }
}
