package org.videoorganizer.daemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

  @TempDir Path root;

  private Map<String, String> scan() {
    SourceScanner.Scan scan = SourceScanner.scan(root);
    assertThat(scan.complete()).isTrue();
    return scan.candidates().stream().collect(Collectors.toMap(Candidate::display, Candidate::problem));
  }

  private void touch(String rel) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
  }

  @Test
  void findsVideosBelowTheRootAndNothingElse() throws IOException {
    touch("a/Heat (1995).mkv");
    touch("b.MP4");
    touch("notes.txt");
    touch("Heat (1995).srt");
    assertThat(scan()).containsOnlyKeys("a/Heat (1995).mkv", "b.MP4").containsValues("");
  }

  @Test
  void skipsTemporaryNamesAndHiddenFolders() throws IOException {
    touch("a.mkv.part");
    touch("a.mkv.partial");
    touch("a.mkv~");
    touch(".a.mkv.abc.partial");
    touch(".vorg-trash/run/old.mkv");
    touch("part 1.mkv");
    assertThat(scan()).containsOnlyKeys("part 1.mkv");
  }

  @Test
  void skipsWhatVorgOrganizeSkipsSystemFoldersAndSyncAndDownloadNames() throws IOException {
    touch("@eaDir/a.mkv/SYNOVIDEO_VIDEO_SCREENSHOT.jpg.mkv");
    touch("#recycle/b.mkv");
    touch("$RECYCLE.BIN/c.mkv");
    touch("~syncthing~d.mkv.tmp");
    touch("e.mkv.download");
    touch("f.mkv");
    assertThat(scan()).containsOnlyKeys("f.mkv");
  }

  @Test
  void symbolicLinksAreReportedAndNeverFollowed() throws IOException {
    Files.createSymbolicLink(root.resolve("loop.mkv"), root.resolve("loop.mkv"));
    Files.createSymbolicLink(root.resolve("self"), root);
    Files.createSymbolicLink(root.resolve("passwd.mkv"), Path.of("/etc/passwd"));
    assertThat(scan()).containsOnlyKeys("loop.mkv", "passwd.mkv")
        .allSatisfy((name, problem) -> assertThat(problem).contains("symbolic link"));
  }

  @Test
  void namesWithControlCharactersAreRejectedAndShownEscaped() throws IOException {
    touch("new\nline.mkv");
    touch("tab\there.mkv");
    assertThat(scan()).containsOnlyKeys("new\\x0aline.mkv", "tab\\x09here.mkv")
        .allSatisfy((name, problem) -> assertThat(problem).contains("control characters"));
  }

  @Test
  void namesThatAreNotUtf8AreRejected() throws Exception {
    assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "file names are not decoded as UTF-8 here");
    Process p = new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'caf\\351.mkv')\"").directory(root.toFile()).start();
    assertThat(p.waitFor()).isZero();
    assertThat(scan()).hasSize(1).allSatisfy((name, problem) -> assertThat(problem).contains("not valid UTF-8"));
  }

  @Test
  void aPipeNamedLikeAVideoIsRejectedNotOpened() throws Exception {
    assertThat(new ProcessBuilder("mkfifo", root.resolve("pipe.mkv").toString()).start().waitFor()).isZero();
    assertThat(scan()).containsEntry("pipe.mkv", "not a regular file (a pipe, socket or device named like a video)");
  }

  @Test
  void aDvdFolderIsOneCandidateWhoseSizeAndTimeCoverAllItsFiles() throws IOException {
    touch("Heat (1995)/VIDEO_TS/VIDEO_TS.IFO");
    touch("Heat (1995)/VIDEO_TS/VTS_01_1.VOB");
    touch("Heat (1995)/VIDEO_TS/VTS_01_2.VOB");
    touch("Heat (1995)/poster.jpg");
    Files.setLastModifiedTime(root.resolve("Heat (1995)/VIDEO_TS/VTS_01_2.VOB"), FileTime.fromMillis(1_700_000_000_000L));
    Files.setLastModifiedTime(root.resolve("Heat (1995)/VIDEO_TS/VIDEO_TS.IFO"), FileTime.fromMillis(1_600_000_000_000L));
    Files.setLastModifiedTime(root.resolve("Heat (1995)/VIDEO_TS/VTS_01_1.VOB"), FileTime.fromMillis(1_600_000_000_000L));
    SourceScanner.Scan scan = SourceScanner.scan(root);
    assertThat(scan.candidates()).singleElement().satisfies(c -> {
      assertThat(c.relPath()).isEqualTo("Heat (1995)/VIDEO_TS/VIDEO_TS.IFO");
      assertThat(c.size()).as("the three files of the disc").isEqualTo(3);
      assertThat(c.mtimeMs()).as("the latest change of any of them").isEqualTo(1_700_000_000_000L);
      assertThat(c.importable()).isTrue();
    });
  }

  @Test
  void aDiscFolderWithAFileStillBeingWrittenIsNotTakenYet() throws IOException {
    touch("Heat (1995)/VIDEO_TS/VIDEO_TS.IFO");
    touch("Heat (1995)/VIDEO_TS/VTS_01_1.VOB.part");
    assertThat(scan()).isEmpty();
  }

  @Test
  void anUnreadableFolderMakesTheScanIncomplete() throws IOException {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads every folder");
    touch("locked/a.mkv");
    touch("b.mkv");
    Files.setPosixFilePermissions(root.resolve("locked"), java.util.Set.of());
    try {
      SourceScanner.Scan scan = SourceScanner.scan(root);
      assertThat(scan.complete()).isFalse();
      assertThat(scan.error()).hasValueSatisfying(e -> assertThat(e).contains("locked"));
      assertThat(scan.candidates()).extracting(Candidate::relPath).containsExactly("b.mkv");
    } finally {
      Files.setPosixFilePermissions(root.resolve("locked"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aMissingSourceIsAnIncompleteScanWithAReason() {
    SourceScanner.Scan scan = SourceScanner.scan(root.resolve("gone"));
    assertThat(scan.complete()).isFalse();
    assertThat(scan.error()).hasValueSatisfying(e -> assertThat(e).startsWith("the source folder is missing"));
  }
}
