package org.videoorganizer.daemon.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigkillPublishTest {

  @TempDir Path tmp;

  @Test
  void aDaemonKilledMidUploadIsResumedByTheNextOneAndItsOrphanRcdStopped() throws Exception {
    RcloneHarness.assumeRclone();
    try (SftpServerHarness box = new SftpServerHarness(tmp.resolve("sshd"))) {
      Path library = Files.createDirectories(tmp.resolve("library"));
      Path conf = Files.writeString(tmp.resolve("rclone.conf"), box.remote("box", box.userKey));
      byte[] movie = RemoteLibraryPublisherTest.bytes(6_000_000, 7);
      Path local = Files.write(Files.createDirectories(tmp.resolve("staging")).resolve("Big.mkv"), movie);
      Path log = Files.createDirectories(tmp.resolve("data")).resolve("rcd.log");
      Path journal = tmp.resolve("data/publish.journal");
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), PublishingMain.class.getName(),
          conf.toString(), log.toString(), "box:" + library, journal.toString(), local.toString(), "Movies/Big.mkv")
          .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
      awaitTemporaryOver(library, 200_000, child::isAlive);
      long orphan = Long.parseLong(Files.readString(tmp.resolve("data/rcd.pid")).trim());
      child.destroyForcibly().waitFor(); // SIGKILL: the child's rcd goes on running

      assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the orphan rcd runs on");
      assertFalse(Files.exists(library.resolve("Movies/Big.mkv")));
      RcdSupervisor rcd = new RcdSupervisor(RcloneSettings.defaults().withConfigFile(conf), log);
      try (RemoteLibraryPublisher p = new RemoteLibraryPublisher(rcd, "box:" + library, journal)) {
        List<PublishResult> resumed = p.recover();
        assertEquals(1, resumed.size());
        assertTrue(resumed.get(0).complete(), resumed.toString());
      } finally {
        rcd.close();
      }
      assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the orphan rcd was stopped");
      assertArrayEquals(movie, Files.readAllBytes(library.resolve("Movies/Big.mkv")));
      assertFalse(Files.exists(local), "exactly one copy: the library's");
      try (Stream<Path> s = Files.walk(library)) {
        assertEquals(List.of(), s.filter(f -> f.getFileName().toString().startsWith(".vorg-")).toList());
      }
    }
  }

  static void awaitTemporaryOver(Path library, long bytes, java.util.function.BooleanSupplier alive) throws Exception {
    for (int i = 0; i < 1200; i++) {
      if (Files.isDirectory(library)) {
        try (Stream<Path> s = Files.walk(library)) {
          Optional<Path> tmp = s.filter(f -> f.getFileName().toString().startsWith(".vorg-")).findFirst();
          if (tmp.isPresent() && Files.size(tmp.get()) > bytes) {
            return;
          }
        } catch (java.io.UncheckedIOException raced) {
          // a temporary renamed while walking: look again
        }
      }
      if (!alive.getAsBoolean()) {
        throw new AssertionError("the publishing process exited before the upload was under way");
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the upload in the child never started");
  }
}
