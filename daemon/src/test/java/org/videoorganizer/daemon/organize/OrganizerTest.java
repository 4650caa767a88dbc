package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.organize.FileResult.Outcome;
import org.videoorganizer.daemon.plan.Plan;
import org.videoorganizer.daemon.plan.PlannedUnit;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole runs over a messy folder: plan, move, second run, undo. */
class OrganizerTest {

  @TempDir Path tmp;
  Path source;
  Path library;

  @BeforeEach
  void messyFolder() throws IOException {
    source = tmp.resolve("Downloads");
    library = tmp.resolve("Library");
    TestFiles.write(source.resolve("The.Matrix.1999.1080p.BluRay.x264-GRP/The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"), 4000, 1);
    TestFiles.write(source.resolve("The.Matrix.1999.1080p.BluRay.x264-GRP/The.Matrix.1999.1080p.BluRay.x264-GRP.en.forced.srt"), 40, 2);
    TestFiles.write(source.resolve("The.Matrix.1999.1080p.BluRay.x264-GRP/Subs/2_English.srt"), 40, 3);
    TestFiles.write(source.resolve("The.Matrix.1999.1080p.BluRay.x264-GRP/sample.mkv"), 100, 4);
    Files.writeString(source.resolve("The.Matrix.1999.1080p.BluRay.x264-GRP/movie.nfo"), "https://www.themoviedb.org/movie/603\n");
    TestFiles.write(source.resolve("tv/Breaking.Bad.S01E01.720p.HDTV.mkv"), 3000, 5);
    TestFiles.write(source.resolve("tv/Breaking.Bad.S01E02.720p.HDTV.mkv"), 3000, 6);
    TestFiles.write(source.resolve("tv/Breaking.Bad.S01E02.720p.HDTV-poster.jpg"), 30, 7);
    TestFiles.write(source.resolve("half.mkv.part"), 30, 8);
  }

  private Map<Path, byte[]> contents() throws IOException {
    var m = new HashMap<Path, byte[]>();
    for (Path f : TestFiles.files(tmp, true)) {
      m.put(f, Files.readAllBytes(f));
    }
    return m;
  }

  @Test
  void aDryRunPlansEveryFileAndChangesNothing() throws IOException {
    var before = contents();
    Plan plan = TestFiles.organizer(MoverHook.NONE).plan(source, library);
    assertThat(contents().keySet()).isEqualTo(before.keySet());
    assertThat(library).doesNotExist();
    var targets = plan.units().stream().flatMap(u -> u.files().stream())
        .filter(f -> f.target() != null).map(f -> library.relativize(f.target()).toString()).toList();
    assertThat(targets).containsExactlyInAnyOrder(
        "Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].mkv",
        "Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].en.forced.srt",
        "Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].en.srt",
        "Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].nfo",
        "TV Shows/Breaking Bad/Season 01/Breaking Bad S01E01.mkv",
        "TV Shows/Breaking Bad/Season 01/Breaking Bad S01E02.mkv",
        "TV Shows/Breaking Bad/Season 01/Breaking Bad S01E02-poster.jpg");
    var skipped = plan.units().stream().filter(u -> u.action() != PlannedUnit.Action.ORGANIZE)
        .map(u -> source.relativize(u.video().source()) + ": " + u.reason()).toList();
    assertThat(skipped).containsExactlyInAnyOrder(
        "The.Matrix.1999.1080p.BluRay.x264-GRP/sample.mkv: a sample, not the video itself",
        "half.mkv.part: still being written (a partial download or sync name)");
  }

  @Test
  void aMoveRunThenASecondRunDoesNothingNewAndUndoPutsEverythingBack() throws IOException {
    var before = contents();
    Summary first = TestFiles.run(source, library, TransferMode.MOVE);
    assertThat(first.count(Outcome.MOVED)).isEqualTo(7);
    assertThat(first.count(Outcome.SKIPPED)).isEqualTo(2);
    assertThat(TestFiles.files(library, false)).hasSize(7);
    assertThat(TestFiles.names(TestFiles.files(source, false), source))
        .containsExactlyInAnyOrder("The.Matrix.1999.1080p.BluRay.x264-GRP/sample.mkv", "half.mkv.part");
    assertThat(source.resolve("tv")).as("a folder the move emptied is removed").doesNotExist();
    assertThat(source.resolve("The.Matrix.1999.1080p.BluRay.x264-GRP/Subs")).doesNotExist();
    assertThat(source.resolve("The.Matrix.1999.1080p.BluRay.x264-GRP")).as("the sample stays in it").isDirectory();
    assertThat(source).isDirectory();

    var afterFirst = contents().keySet();
    Summary second = TestFiles.run(source, library, TransferMode.MOVE);
    assertThat(second.count(Outcome.MOVED) + second.count(Outcome.FAILED)).isZero();
    assertThat(second.journal()).isNull();
    assertThat(contents().keySet()).isEqualTo(afterFirst);

    List<FileResult> undone = JournalUndo.undo(first.journal());
    assertThat(undone).hasSize(7).allMatch(r -> r.outcome() == Outcome.RESTORED);
    var after = contents();
    after.keySet().removeIf(p -> p.startsWith(library.resolve(".vorg")));
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((p, bytes) -> assertThat(after.get(p)).as(p.toString()).isEqualTo(bytes));
    assertThat(TestFiles.files(library, false)).isEmpty();
    assertThat(JournalUndo.undo(first.journal())).as("a second undo changes nothing").isEmpty();
  }

  @Test
  void aCopyRunIsIdempotentAndItsUndoKeepsTheSources() throws IOException {
    Summary first = TestFiles.run(source, library, TransferMode.COPY);
    assertThat(first.count(Outcome.COPIED)).isEqualTo(7);
    Summary second = TestFiles.run(source, library, TransferMode.COPY);
    assertThat(second.count(Outcome.ALREADY_THERE)).isEqualTo(7);
    assertThat(second.count(Outcome.COPIED)).isZero();
    JournalUndo.undo(second.journal());
    assertThat(TestFiles.files(library, false)).as("undoing the second run keeps what the first made").hasSize(7);
    JournalUndo.undo(first.journal());
    assertThat(TestFiles.files(library, false)).isEmpty();
    assertThat(TestFiles.files(source, false)).hasSize(9);
  }

  @Test
  void namesWithQuotesNewlinesAndLongTitlesAreOrganizedAndBadUtf8IsLeftWithAReason() throws IOException {
    TestFiles.deleteTree(source);
    TestFiles.write(source.resolve("Don't \"Panic\" Now (2001).mkv"), 100, 20);
    TestFiles.write(source.resolve("Line\nBreak (2002).mkv"), 100, 21);
    String longTitle = "長".repeat(80) + " (2003)"; // 247 bytes: near the limit of one component
    TestFiles.write(source.resolve(longTitle + ".mkv"), 100, 22);
    Path bad = source.resolve("bad");
    Files.createDirectories(bad);
    assertThat(TestFiles.sh("bash", "-c", "cd '" + bad + "' && head -c 100 /dev/urandom > \"$(printf 'Heat \\377\\376 (1995).mkv')\"")).isTrue();

    Summary s = TestFiles.run(source, library, TransferMode.MOVE);
    assertThat(s.count(Outcome.MOVED)).isEqualTo(3);
    assertThat(s.count(Outcome.SKIPPED)).isEqualTo(1);
    List<String> names = TestFiles.names(TestFiles.files(library, false), library);
    assertThat(names).contains("Movies/Don't 'Panic' Now (2001)/Don't 'Panic' Now (2001).mkv", "Movies/Line Break (2002)/Line Break (2002).mkv");
    for (String n : names) {
      for (String component : n.split("/")) {
        assertThat(component.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
      }
    }
    assertThat(names).anyMatch(n -> n.startsWith("Movies/長") && n.endsWith(" (2003).mkv"));
    assertThat(TestFiles.files(bad, false)).as("the badly named file stays where it was").hasSize(1);
    String journal = Files.readString(s.journal());
    assertThat(journal).contains("Line\\nBreak").doesNotContain("Line\nBreak");
  }

  @Test
  void aSecondRunIntoTheSameLibraryWaitsForTheFirst() throws IOException {
    Files.createDirectories(library);
    try (LibraryLock held = LibraryLock.take(library)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestFiles.run(source, library, TransferMode.MOVE))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("another vorg run is organizing into");
    }
    assertThat(TestFiles.files(source, false)).hasSize(9);
  }

  @Test
  void aSecondVersionOfTheSameMovieGetsAVersionLabelAndAThirdIdenticalNameIsSkipped() throws IOException {
    TestFiles.deleteTree(source);
    TestFiles.write(source.resolve("a/Heat.1995.1080p.BluRay.x264-A.mkv"), 100, 30);
    TestFiles.write(source.resolve("b/Heat.1995.2160p.WEB-DL.x265-B.mkv"), 100, 31);
    TestFiles.write(source.resolve("b/Heat.1995.2160p.WEB-DL.x265-B.en.srt"), 10, 32);
    TestFiles.write(source.resolve("c/Heat (1995).mkv"), 100, 33);
    Plan plan = TestFiles.organizer(MoverHook.NONE).plan(source, library);
    var rows = plan.units().stream().flatMap(u -> u.files().stream().map(f ->
        source.relativize(f.source()) + " -> " + (f.target() == null ? u.reason() : library.relativize(f.target())))).toList();
    assertThat(rows).containsExactly(
        "a/Heat.1995.1080p.BluRay.x264-A.mkv -> Movies/Heat (1995)/Heat (1995).mkv",
        "b/Heat.1995.2160p.WEB-DL.x265-B.mkv -> Movies/Heat (1995)/Heat (1995) - 2160p Web.mkv",
        "b/Heat.1995.2160p.WEB-DL.x265-B.en.srt -> Movies/Heat (1995)/Heat (1995) - 2160p Web.en.srt",
        "c/Heat (1995).mkv -> another file of this run goes to the same target (" + source.resolve("a/Heat.1995.1080p.BluRay.x264-A.mkv") + "); pick one");
  }
}
