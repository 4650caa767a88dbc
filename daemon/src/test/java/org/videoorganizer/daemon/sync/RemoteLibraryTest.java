package org.videoorganizer.daemon.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organize hook for a library on a storage box, against OpenSSH on loopback. */
class RemoteLibraryTest {

  @TempDir Path tmp;
  SftpServerHarness box;
  RcdSupervisor rcd;

  @AfterEach
  void tearDown() throws Exception {
    if (rcd != null) {
      rcd.close();
    }
    if (box != null) {
      box.close();
    }
  }

  @Test
  void aUnitOrganizedIntoTheStagingTreeLandsUnderTheSamePathsOnTheRemote() throws Exception {
    RcloneHarness.assumeRclone();
    box = new SftpServerHarness(tmp.resolve("sshd"));
    Path library = Files.createDirectories(tmp.resolve("library"));
    Path conf = Files.writeString(tmp.resolve("rclone.conf"), box.remote("box", box.userKey));
    rcd = new RcdSupervisor(RcloneSettings.defaults().withConfigFile(conf), tmp.resolve("rcd.log"));
    Path staging = tmp.resolve("data/library-staging");
    Path video = staging.resolve("Movies/Heat (1995)/Heat (1995).mkv");
    Path srt = staging.resolve("Movies/Heat (1995)/Heat (1995).en.srt");
    Files.createDirectories(video.getParent());
    byte[] movie = RemoteLibraryPublisherTest.bytes(150_000, 3);
    Files.write(video, movie);
    Files.writeString(srt, "1\n00:00:01,000 --> 00:00:02,000\nhi\n");
    try (RemoteLibrary remote = new RemoteLibrary(rcd, staging, "box:" + library, tmp.resolve("data/publish.journal"))) {
      assertThatThrownBy(() -> remote.afterOrganize("video-6", List.of(tmp.resolve("elsewhere.mkv"))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not under the library staging tree");
      PublishResult result = remote.afterOrganize("video-7", List.of(video, srt));
      assertThat(result.complete()).as(result.toString()).isTrue();
      assertThat(Files.readAllBytes(library.resolve("Movies/Heat (1995)/Heat (1995).mkv"))).isEqualTo(movie);
      assertThat(library.resolve("Movies/Heat (1995)/Heat (1995).en.srt")).exists();
      assertThat(video).as("the staging copy goes once the remote copy is verified").doesNotExist();
      assertThat(remote.recover()).as("nothing left unfinished").isEmpty();
    }
  }
}
