package org.videoorganizer.daemon.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote-source faults against {@code rclone serve sftp} standing in for a cloud drive. */
class SourceFaultTest {

  @TempDir Path tmp;
  CloudServeHarness cloud;
  RcdSupervisor rcd;
  final Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);

  @AfterEach
  void tearDown() throws Exception {
    if (rcd != null) {
      rcd.close();
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  RemoteSourceRunner runner(String bwlimit) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("cloud"));
    cloud = new CloudServeHarness(root, bwlimit, tmp.resolve("serve.log"));
    Path conf = Files.writeString(tmp.resolve("rclone.conf"), cloud.remote("gdrive"));
    rcd = new RcdSupervisor(RcloneSettings.defaults().withConfigFile(conf), tmp.resolve("rcd.log"));
    SyncLedger ledger = new SyncLedger() {
      @Override public void recordDownloaded(String s, String r, RemoteFile f, Path p) { }
      @Override public void recordSkipped(String s, String r, RemoteFile f) { }
    };
    return new RemoteSourceRunner(rcd, tmp.resolve("staging"), (t, h, s) -> false, ledger, later);
  }

  RemoteSource source() {
    return RemoteSource.of("gdrive", "gdrive:");
  }

  List<Path> staged() throws IOException {
    Path s = tmp.resolve("staging");
    if (!Files.exists(s)) {
      return List.of();
    }
    try (Stream<Path> w = Files.walk(s)) {
      return w.filter(Files::isRegularFile).toList();
    }
  }

  void awaitPartialOver(long bytes) throws Exception {
    for (int i = 0; i < 400; i++) {
      for (Path p : staged()) {
        if (p.toString().endsWith(RemoteSourceRunner.PARTIAL) && Files.size(p) > bytes) {
          return;
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the download never started: " + staged());
  }

  @Test
  void aConnectionCutDuringDownloadLeavesNothingStagedAndTheNextRunCompletes() throws Exception {
    RemoteSourceRunner runner = runner("2M");
    byte[] movie = RemoteLibraryPublisherTest.bytes(6_000_000, 11);
    Files.write(cloud.root.resolve("Big.mkv"), movie);
    CompletableFuture<SourceRun> run = CompletableFuture.supplyAsync(() -> runner.run(source()));
    awaitPartialOver(200_000);
    cloud.kill();
    SourceRun cut = run.get();
    assertEquals(1, cut.failures().size(), cut.toString());
    assertEquals(List.of(), staged(), "no partial left in staging");
    assertTrue(Files.exists(cloud.root.resolve("Big.mkv")), "the cloud original is untouched");
    cloud.start();
    SourceRun next = runner.run(source());
    assertEquals(1, next.downloaded().size(), next.toString());
    assertArrayEquals(movie, Files.readAllBytes(next.downloaded().get(0).path()));
  }

  @Test
  void aFileChangedOnTheRemoteWhileCopiedIsNotStaged() throws Exception {
    RemoteSourceRunner runner = runner("2M");
    Files.write(cloud.root.resolve("Edit.mkv"), RemoteLibraryPublisherTest.bytes(6_000_000, 12));
    CompletableFuture<SourceRun> run = CompletableFuture.supplyAsync(() -> runner.run(source()));
    awaitPartialOver(200_000);
    byte[] edited = RemoteLibraryPublisherTest.bytes(6_000_100, 13);
    Files.write(cloud.root.resolve("Edit.mkv"), edited);
    SourceRun changed = run.get();
    assertEquals(1, changed.failures().size(), changed.toString());
    assertEquals(RcloneProblem.Kind.CHANGED_DURING_COPY, changed.failures().get(0).kind(), changed.toString());
    assertEquals(List.of(), staged());
    SourceRun next = runner.run(source());
    assertArrayEquals(edited, Files.readAllBytes(next.downloaded().get(0).path()));
  }

  @Test
  void aSlowRemoteShowsBytesRateAndEtaWhileDownloading() throws Exception {
    RemoteSourceRunner runner = runner("1M");
    Files.write(cloud.root.resolve("Slow.mkv"), RemoteLibraryPublisherTest.bytes(4_000_000, 14));
    CompletableFuture<SourceRun> run = CompletableFuture.supplyAsync(() -> runner.run(source()));
    awaitPartialOver(1_000_000);
    RcClient.Progress p = runner.progress();
    for (int i = 0; i < 100 && p.bytesPerSecond() == 0; i++) { // rclone averages the rate over a window
      Thread.sleep(50);
      p = runner.progress();
    }
    assertTrue(p.bytes() > 0 && p.bytesPerSecond() > 0, p.toString());
    assertEquals(4_000_000, p.totalBytes(), p.toString());
    assertTrue(p.eta() != null && p.eta().toSeconds() >= 0, p.toString());
    assertEquals(1, run.get().downloaded().size());
  }
}
