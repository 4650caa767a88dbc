package org.videoorganizer.daemon.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteSourceRunnerTest {

  @TempDir Path tmp;
  RcloneHarness rclone;
  Path cloudDir;
  Path staging;
  final Set<String> libraryMd5 = new HashSet<>();
  final List<String> ledger = new ArrayList<>();
  final Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);

  @BeforeEach
  void setUp() throws IOException {
    rclone = new RcloneHarness(tmp, RcloneHarness.localRemote("cloud"));
    cloudDir = Files.createDirectories(tmp.resolve("cloud"));
    staging = tmp.resolve("staging");
  }

  @AfterEach
  void tearDown() {
    if (rclone != null) {
      rclone.close();
    }
  }

  RemoteSourceRunner runner(Clock clock) {
    KnownHashes known = (type, hash, size) -> type.equals("md5") && libraryMd5.contains(hash);
    SyncLedger l = new SyncLedger() {
      @Override public void recordDownloaded(String s, String r, RemoteFile f, Path p) { ledger.add("down " + f.path()); }
      @Override public void recordSkipped(String s, String r, RemoteFile f) { ledger.add("skip " + f.path()); }
    };
    return new RemoteSourceRunner(rclone.rcd, staging, known, l, clock);
  }

  RemoteSource source() {
    return RemoteSource.of("gdrive", "cloud:" + cloudDir);
  }

  Path cloudFile(String name, String content) throws IOException {
    Path p = cloudDir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  @Test
  void downloadsSettledFilesIntoStagingVerifiedAndRecorded() throws IOException {
    cloudFile("Movies/Heat (1995).mkv", "heat bytes");
    SourceRun run = runner(later).run(source());
    Path staged = staging.resolve("gdrive/Movies/Heat (1995).mkv");
    assertEquals(List.of(staged), run.downloaded().stream().map(SourceRun.Staged::path).toList());
    assertEquals("heat bytes", Files.readString(staged));
    assertEquals(LocalHash.of(staged, "md5"), run.downloaded().get(0).origin().hashes().get("md5"));
    assertEquals(List.of("down Movies/Heat (1995).mkv"), ledger);
    assertTrue(Files.exists(cloudDir.resolve("Movies/Heat (1995).mkv")), "the cloud original stays");
    assertNoPartials();
  }

  @Test
  void neverDownloadsAFileWhoseContentTheLibraryHas() throws IOException {
    cloudFile("a.mkv", "already organized");
    cloudFile("b.mkv", "new one");
    libraryMd5.add(LocalHash.of(cloudDir.resolve("a.mkv"), "md5"));
    SourceRun run = runner(later).run(source());
    assertEquals(1, run.skippedKnown());
    assertEquals(1, run.downloaded().size());
    assertFalse(Files.exists(staging.resolve("gdrive/a.mkv")));
    assertEquals("new one".length(), rclone.rcd.client().stats().bytes(), "only b.mkv's bytes were transferred");
  }

  @Test
  void waitsForAFileStillBeingUploaded() throws IOException {
    cloudFile("uploading.mkv", "partial");
    SourceRun run = runner(Clock.systemUTC()).run(source());
    assertEquals(1, run.settling());
    assertTrue(run.downloaded().isEmpty());
    Files.setLastModifiedTime(cloudDir.resolve("uploading.mkv"), FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    assertEquals(1, runner(Clock.systemUTC()).run(source()).downloaded().size());
  }

  @Test
  void aSecondRunDoesNotDownloadWhatIsAlreadyStaged() throws IOException {
    cloudFile("a.mkv", "x");
    runner(later).run(source());
    SourceRun second = runner(later).run(source());
    assertEquals(1, second.skippedStaged());
    assertTrue(second.downloaded().isEmpty());
  }

  @Test
  void aRemoteMissingFromRcloneConfSaysSo() {
    RcloneProblem p = assertThrows(RcloneProblem.class, () -> runner(later).run(RemoteSource.of("od", "onedrive:Videos")));
    assertEquals(RcloneProblem.Kind.REMOTE_NOT_CONFIGURED, p.kind());
  }

  @Test
  void deletesTheCloudOriginalOnlyWhenTheSourceOptedIn() throws IOException {
    cloudFile("a.mkv", "x");
    RemoteFile copied = runner(later).run(source()).downloaded().get(0).origin();
    assertFalse(runner(later).deleteOriginalIfConfirmed(source(), copied));
    assertTrue(Files.exists(cloudDir.resolve("a.mkv")));
    assertTrue(runner(later).deleteOriginalIfConfirmed(source().withDeleteOriginals(true), copied));
    assertFalse(Files.exists(cloudDir.resolve("a.mkv")));
  }

  @Test
  void keepsTheCloudOriginalWhenItChangedSinceTheCopy() throws IOException {
    cloudFile("a.mkv", "x");
    RemoteFile copied = runner(later).run(source()).downloaded().get(0).origin();
    cloudFile("a.mkv", "edited afterwards");
    assertFalse(runner(later).deleteOriginalIfConfirmed(source().withDeleteOriginals(true), copied));
    assertTrue(Files.exists(cloudDir.resolve("a.mkv")));
  }

  void assertNoPartials() throws IOException {
    try (Stream<Path> s = Files.walk(staging)) {
      assertTrue(s.noneMatch(p -> p.toString().endsWith(RemoteSourceRunner.PARTIAL)));
    }
  }
}
