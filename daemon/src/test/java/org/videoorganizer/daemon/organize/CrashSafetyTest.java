package org.videoorganizer.daemon.organize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.videoorganizer.daemon.organize.MoverHook.Step;

/**
 * Kills a child JVM at each step of a move, reruns the organizer, and proves every file's bytes
 * are present exactly once (in the library or, for what was not organized, in the source), that
 * no library name ever held wrong bytes, and that no temporary copy is left.
 */
class CrashSafetyTest {

  @TempDir Path tmp;
  Path elsewhere;

  @AfterEach
  void cleanUp() throws IOException {
    TestFiles.deleteTree(elsewhere);
  }

  static Stream<Arguments> crashPoints() {
    var rows = new ArrayList<Arguments>();
    for (Step s : List.of(Step.BEFORE_LINK, Step.AFTER_PUBLISH, Step.BEFORE_RETIRE, Step.AFTER_RETIRE)) {
      rows.add(Arguments.of(false, s, 1));
      rows.add(Arguments.of(false, s, 3));
    }
    for (Step s : List.of(Step.BEFORE_COPY, Step.MID_COPY, Step.AFTER_COPY, Step.AFTER_VERIFY,
        Step.AFTER_LINK_TEMP, Step.AFTER_PUBLISH, Step.BEFORE_RETIRE, Step.AFTER_RETIRE)) {
      rows.add(Arguments.of(true, s, 1));
      rows.add(Arguments.of(true, s, 3));
    }
    return rows.stream();
  }

  @Tag("slow")
  @ParameterizedTest(name = "across filesystems {0}, killed at {1} #{2}")
  @MethodSource("crashPoints")
  void aMoveKilledAtAnyStepLosesNothingAndARerunFinishesIt(boolean acrossFilesystems, Step step, int nth) throws Exception {
    killAndRerun(acrossFilesystems, step, nth);
  }

  @Test
  void aCopyKilledBetweenLinkAndTempRemovalIsFinishedByTheNextRun() throws Exception {
    killAndRerun(true, Step.AFTER_LINK_TEMP, 2);
  }

  private void killAndRerun(boolean acrossFilesystems, Step step, int nth) throws Exception {
    Path source = tmp.resolve("in");
    Path library = tmp.resolve("lib");
    if (acrossFilesystems) {
      elsewhere = TestFiles.otherFilesystem("vorg-crash");
      library = elsewhere.resolve("lib");
    }
    TestFiles.write(source.resolve("Heat.1995.mkv"), 2 * FileBytes.BUFFER + 5, 1);
    TestFiles.write(source.resolve("Heat.1995.en.srt"), 300, 2);
    TestFiles.write(source.resolve("show/Dark.S01E01.mkv"), 2 * FileBytes.BUFFER + 7, 3);
    TestFiles.write(source.resolve("show/Dark.S01E02.mkv"), 2 * FileBytes.BUFFER + 9, 4);
    Map<String, Path> originals = hashes(TestFiles.files(source, false));

    int status = runChild(source, library, step, nth);
    assertThat(status).as("the child must die at %s #%d", step, nth).isEqualTo(CrashingOrganizeMain.HALTED);
    assertEveryFileSurvives(source, library, originals, true);

    Summary rerun = TestFiles.run(source, library, TransferMode.MOVE);
    assertThat(rerun.anyFailed()).as(rerun.toString()).isFalse();
    assertEveryFileSurvives(source, library, originals, false);
    assertThat(TestFiles.files(source, false)).as("every source was organized").isEmpty();
    assertThat(TestFiles.files(library, true).stream().filter(p -> p.getFileName().toString().endsWith(".tmp")))
        .as("no temporary copy is left").isEmpty();
  }

  // After a crash: each original is complete somewhere (library, source, or trash) and no library
  // name holds bytes that are not an original. After the rerun: each is exactly once in the library.
  private static void assertEveryFileSurvives(Path source, Path library, Map<String, Path> originals, boolean crashed)
      throws IOException {
    List<Path> visibleLibrary = TestFiles.files(library, false);
    Map<String, Integer> seen = new HashMap<>();
    for (Path p : visibleLibrary) {
      String h = hash(p);
      assertThat(originals).as("library file %s holds the bytes of an original", p).containsKey(h);
      seen.merge(h, 1, Integer::sum);
    }
    if (crashed) {
      List<Path> everywhere = new ArrayList<>(TestFiles.files(source, true));
      everywhere.addAll(visibleLibrary);
      assertThat(hashes(everywhere).keySet()).as("every original is still complete somewhere").containsAll(originals.keySet());
      return;
    }
    originals.keySet().forEach(h -> assertThat(seen.get(h)).as("copies of %s in the library", originals.get(h)).isEqualTo(1));
  }

  private static int runChild(Path source, Path library, Step step, int nth) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashingOrganizeMain.class.getName(), source.toString(), library.toString(), "MOVE", step.name(),
        String.valueOf(nth));
    pb.environment().put("LANG", "C.UTF-8");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child organizer did not finish in 60 s");
    }
    return p.exitValue();
  }

  private static Map<String, Path> hashes(List<Path> files) throws IOException {
    var m = new HashMap<String, Path>();
    for (Path f : files) {
      m.put(hash(f), f);
    }
    return m;
  }

  private static String hash(Path f) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
