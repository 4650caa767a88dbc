package org.videoorganizer.daemon.organize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.organize.FileResult.Outcome;
import org.videoorganizer.daemon.plan.PlannedFile;
import org.videoorganizer.daemon.plan.PlannedFile.Role;
import org.videoorganizer.daemon.plan.PlannedUnit;
import org.videoorganizer.daemon.plan.PlannedUnit.Action;

/** The mover on real files: each rule of "Files never get lost", one test each. */
class SafeMoverTest {

  @TempDir Path tmp;
  Path source;
  Path library;
  Path elsewhere;
  Journal journal;

  @BeforeEach
  void folders() throws IOException {
    source = Files.createDirectories(tmp.resolve("in"));
    library = Files.createDirectories(tmp.resolve("lib"));
  }

  @AfterEach
  void cleanUp() throws IOException {
    if (journal != null) {
      journal.close();
    }
    TestFiles.deleteTree(elsewhere);
  }

  private List<FileResult> carry(TransferMode mode, MoverHook hook, PlannedFile... files) throws IOException {
    journal = journal != null ? journal : Journal.create(library, source, mode, Clock.systemUTC());
    var unit = new PlannedUnit(1, List.of(files), Action.ORGANIZE, "test", null);
    return new SafeMover(source, journal, hook).carryOut(unit, mode);
  }

  private static PlannedFile file(Path from, Path to) {
    return new PlannedFile(from, to, Role.VIDEO, null);
  }

  @Test
  void aMoveOnOneFilesystemLinksTheSourceIntoTheLibraryAndRetiresItToTheTrash() throws IOException {
    Path src = TestFiles.write(source.resolve("a/Movie.mkv"), 5000, 1);
    byte[] bytes = Files.readAllBytes(src);
    Path target = library.resolve("Movies/Movie/Movie.mkv");
    FileResult r = carry(TransferMode.MOVE, MoverHook.NONE, file(src, target)).getFirst();
    assertThat(r.outcome()).isEqualTo(Outcome.MOVED);
    assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
    assertThat(src).doesNotExist();
    Path trashed = source.resolve(".vorg-trash").resolve(journal.runId()).resolve("a/Movie.mkv");
    assertThat(Files.isSameFile(trashed, target)).as("the trash holds the same file, not a copy").isTrue();
  }

  @Test
  void aMoveAcrossFilesystemsCopiesVerifiesPublishesAndLeavesNoTemporaryFile() throws IOException {
    elsewhere = TestFiles.otherFilesystem("vorg-lib");
    library = elsewhere;
    Path src = TestFiles.write(source.resolve("Movie.mkv"), 3 * FileBytes.BUFFER + 17, 2);
    byte[] bytes = Files.readAllBytes(src);
    Path target = library.resolve("Movies/M/M.mkv");
    FileResult r = carry(TransferMode.MOVE, MoverHook.NONE, file(src, target)).getFirst();
    assertThat(r.outcome()).isEqualTo(Outcome.MOVED);
    assertThat(r.bytes()).isEqualTo(bytes.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
    assertThat(src).doesNotExist();
    assertThat(TestFiles.files(library.resolve("Movies"), true)).containsExactly(target);
    assertThat(Files.readString(journal.file())).contains("\"op\":\"copy-begin\"", "\"how\":\"copy\"", "\"op\":\"retired\"");
  }

  @Test
  void aCopyLeavesTheSourceAlone() throws IOException {
    Path src = TestFiles.write(source.resolve("Movie.mkv"), 1000, 3);
    Path target = library.resolve("M/M.mkv");
    assertThat(carry(TransferMode.COPY, MoverHook.NONE, file(src, target)).getFirst().outcome()).isEqualTo(Outcome.COPIED);
    assertThat(src).exists();
    assertThat(Files.isSameFile(src, target)).isFalse();
    assertThat(Files.mismatch(src, target)).isEqualTo(-1L);
  }

  @Test
  void aHardLinkAcrossFilesystemsIsReportedAndNeverTurnedIntoACopy() throws IOException {
    elsewhere = TestFiles.otherFilesystem("vorg-lib");
    library = elsewhere;
    Path src = TestFiles.write(source.resolve("Movie.mkv"), 1000, 4);
    Path target = library.resolve("M/M.mkv");
    FileResult r = carry(TransferMode.HARDLINK, MoverHook.NONE, file(src, target)).getFirst();
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.reason()).contains("hard link cannot cross filesystems");
    assertThat(target).doesNotExist();
    assertThat(src).exists();
  }

  @Test
  void theSameBytesAlreadyAtTheTargetCountAsDoneAndTheSourceIsRetired() throws IOException {
    Path src = TestFiles.write(source.resolve("Movie.mkv"), 2000, 5);
    Path target = TestFiles.write(library.resolve("M/M.mkv"), 2000, 5);
    FileResult r = carry(TransferMode.MOVE, MoverHook.NONE, file(src, target)).getFirst();
    assertThat(r.outcome()).isEqualTo(Outcome.ALREADY_THERE);
    assertThat(src).doesNotExist();
    assertThat(source.resolve(".vorg-trash").resolve(journal.runId()).resolve("Movie.mkv")).exists();
  }

  @Test
  void differentBytesAtTheTargetAreSkippedWithTheReasonAndNothingIsOverwritten() throws IOException {
    Path src = TestFiles.write(source.resolve("Movie.mkv"), 2000, 6);
    Path target = TestFiles.write(library.resolve("M/M.mkv"), 2000, 7);
    byte[] before = Files.readAllBytes(target);
    List<FileResult> rs = carry(TransferMode.MOVE, MoverHook.NONE, file(src, target),
        new PlannedFile(TestFiles.write(source.resolve("Movie.en.srt"), 10, 8), library.resolve("M/M.en.srt"), Role.SUBTITLE, null));
    assertThat(rs.get(0).outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(rs.get(0).reason()).contains("different file is already at the target");
    assertThat(rs.get(1).outcome()).as("a sidecar does not go without its video").isEqualTo(Outcome.SKIPPED);
    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    assertThat(src).exists();
    assertThat(library.resolve("M/M.en.srt")).doesNotExist();
  }

  @Test
  void aSourceThatChangesDuringTheCopyIsNotPublished() throws IOException {
    Path src = TestFiles.write(source.resolve("Growing.mkv"), 2 * FileBytes.BUFFER, 9);
    Path target = library.resolve("G/G.mkv");
    MoverHook appendMidCopy = (step, p) -> {
      if (step == MoverHook.Step.MID_COPY) {
        Files.write(p, new byte[4096], StandardOpenOption.APPEND);
      }
    };
    FileResult r = carry(TransferMode.COPY, appendMidCopy, file(src, target)).getFirst();
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.reason()).contains("source changed during the copy");
    assertThat(target).doesNotExist();
    assertThat(TestFiles.files(library.resolve("G"), true)).as("no temporary copy left").isEmpty();
    assertThat(Files.size(src)).isEqualTo(2L * FileBytes.BUFFER + 4096);
  }

  @Test
  void aCopyWhoseBytesChangedAfterWritingIsDetectedAndNotPublished() throws IOException {
    Path src = TestFiles.write(source.resolve("Movie.mkv"), 3 * FileBytes.BUFFER + 17, 14);
    Path target = library.resolve("M/M.mkv");
    // Damaged after the kernel wrote it and before it was compared (the hook's MID_COPY runs after
    // the first chunk, which here is the whole file): the byte comparison refuses it.
    FileResult r = carry(TransferMode.COPY, damageTemp(MoverHook.Step.MID_COPY, temp -> {
      try (var c = java.nio.channels.FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        var one = java.nio.ByteBuffer.allocate(1);
        long at = 2L * FileBytes.BUFFER + 5; // one byte in the third buffer, same size
        c.read(one, at);
        one.flip().put(0, (byte) ~one.get(0));
        assertThat(c.write(one, at)).isEqualTo(1);
      }
    }), file(src, target)).getFirst();
    assertCopyRefused(r, src, target);
  }

  @Test
  void aTruncatedCopyIsDetectedAndNotPublished() throws IOException {
    Path src = TestFiles.write(source.resolve("Movie.mkv"), 2 * FileBytes.BUFFER + 9, 15);
    Path target = library.resolve("M/M.mkv");
    // Truncated after the copy was compared: the copy's size no longer is what was compared.
    FileResult r = carry(TransferMode.COPY, damageTemp(MoverHook.Step.AFTER_COPY, temp -> {
      try (var c = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
        c.truncate(FileBytes.BUFFER);
      }
    }), file(src, target)).getFirst();
    assertCopyRefused(r, src, target);
  }

  private interface TempDamage {
    void apply(Path temp) throws IOException;
  }

  // Damages the temporary copy at one step of the copy.
  private MoverHook damageTemp(MoverHook.Step at, TempDamage damage) {
    return (step, p) -> {
      if (step == at) {
        for (Path temp : TestFiles.files(library, true)) {
          if (temp.getFileName().toString().startsWith(".vorg-") && temp.toString().endsWith(".tmp")) {
            damage.apply(temp);
          }
        }
      }
    };
  }

  private void assertCopyRefused(FileResult r, Path src, Path target) throws IOException {
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.reason()).contains("the copy does not match the source");
    assertThat(target).doesNotExist();
    assertThat(TestFiles.files(target.getParent(), true)).as("no temporary copy left").isEmpty();
    assertThat(src).as("the source stays where it was").exists();
  }

  @Test
  void aTargetFolderThatCannotBeWrittenFailsTheFileAndKeepsTheSource() throws IOException {
    Path src = TestFiles.write(source.resolve("Movie.mkv"), 1000, 10);
    Path locked = Files.createDirectories(library.resolve("Locked"));
    ReadOnlyFolder.lock(locked);
    try {
      FileResult r = carry(TransferMode.MOVE, MoverHook.NONE, file(src, locked.resolve("M.mkv"))).getFirst();
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.reason()).containsAnyOf("Operation not permitted", "Permission denied", "Read-only file system");
      assertThat(src).exists();
      assertThat(locked.resolve("M.mkv")).doesNotExist();
    } finally {
      ReadOnlyFolder.unlock(locked);
    }
  }

  @Test
  void aSourceThatCannotBeRetiredStaysAndTheLibraryKeepsItsCopy() throws IOException {
    Path dir = Files.createDirectories(source.resolve("locked"));
    Path src = TestFiles.write(dir.resolve("Movie.mkv"), 1000, 11);
    ReadOnlyFolder.lock(dir);
    try {
      FileResult r = carry(TransferMode.MOVE, MoverHook.NONE, file(src, library.resolve("M/M.mkv"))).getFirst();
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.reason()).contains("in the library, but the source could not be retired");
      assertThat(src).exists();
      assertThat(Files.mismatch(src, library.resolve("M/M.mkv"))).isEqualTo(-1L);
    } finally {
      ReadOnlyFolder.unlock(dir);
    }
  }

  @Test
  void aFullDiskRemovesTheTemporaryCopyAndKeepsTheSource() throws IOException {
    elsewhere = Files.createTempDirectory("vorg-full");
    Path small = Files.createDirectories(elsewhere.resolve("mnt"));
    org.assertj.core.api.Assumptions.assumeThat(TestFiles.sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString()))
        .as("mounting a 2 MiB tmpfs needs root; without it there is no full disk to test").isTrue();
    try {
      library = small;
      Path src = TestFiles.write(source.resolve("Big.mkv"), 3 * 1024 * 1024, 12);
      FileResult r = carry(TransferMode.MOVE, MoverHook.NONE, file(src, small.resolve("B/B.mkv"))).getFirst();
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.reason()).contains("No space left on device");
      assertThat(src).exists().hasSize(3 * 1024 * 1024);
      assertThat(TestFiles.files(small.resolve("B"), true)).as("the temporary copy is gone").isEmpty();
    } finally {
      journal.close();
      journal = null;
      TestFiles.sh("umount", small.toString());
    }
  }

  @Test
  void aLinkAtTheTargetIsNeverTakenForTheSameFile() throws IOException {
    Path src = TestFiles.write(source.resolve("Movie.mkv"), 1000, 13);
    Path target = library.resolve("M/M.mkv");
    Files.createDirectories(target.getParent());
    Files.createSymbolicLink(target, src);
    FileResult r = carry(TransferMode.MOVE, MoverHook.NONE, file(src, target)).getFirst();
    assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(r.reason()).contains("not a regular file");
    assertThat(src).exists();
  }
}
