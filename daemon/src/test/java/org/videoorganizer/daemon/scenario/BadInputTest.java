package org.videoorganizer.daemon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.ingest.VideoBytes;
import org.videoorganizer.daemon.testsupport.DaemonProcess;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Every kind of bad input in one source at once, against a real daemon process that may not read
 * a mode-000 file (it runs as root without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH): each gets
 * its state and a reason naming the problem, the good files still get through, no input is
 * deleted or altered, and a file made readable later is taken on the next scan.
 */
@ExtendWith(TestServices.class)
class BadInputTest {

  /** Runs a command as root but without the capabilities that let root read any file. */
  static final List<String> NO_DAC = List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search",
      "--inh-caps", "-dac_override,-dac_read_search");

  @TempDir Path dir;

  @Test
  void everyBadInputGetsAStateAndAReasonWhileTheGoodOnesGetThrough(TestServices.Env env) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<String> prefix = commandThatCannotReadMode000(dir);
    Map<String, byte[]> inputs = writeBadInputs(in);
    Path growing = in.resolve("Fargo (1996).mkv");
    AtomicBoolean grow = new AtomicBoolean(true);
    Thread writer = Thread.ofVirtual().start(() -> appendWhile(growing, grow));

    Map<String, String> vars = Scenario.env(dir);
    vars.put("VORG_DATABASE_URL", env.pgUrl());
    vars.put("LC_ALL", "C.UTF-8"); // file names are decoded as UTF-8, so invalid bytes are detectable
    try (DaemonProcess d = DaemonProcess.start(prefix, vars, dir.resolve("daemon.log"))) {
      JsonObject first = await(d, s -> count(s, "rejected") == 8 && count(s, "needs_review") == 1
          && count(s, "organized") == 1 && idle(s));
      assertThat(problems(first)).as(first.encodePrettily()).doesNotContainKey("Fargo (1996).mkv");
      assertThat(first.getJsonObject("daemon").getJsonObject("waiting_for_stable").getInteger("in"))
          .as("the growing file waits for its size to settle").isEqualTo(1);
      assertThat(problems(first).get("Se7en (1995).mkv")).contains("rejected: permission denied");

      grow.set(false);
      writer.join();
      inputs.put("Fargo (1996).mkv", Files.readAllBytes(growing));
      Files.setPosixFilePermissions(in.resolve("Se7en (1995).mkv"), PosixFilePermissions.fromString("rw-r--r--"));
      deleteTree(in.resolve("incoming"));
      JsonObject s = await(d, x -> count(x, "organized") == 3 && count(x, "vanished") == 1 && idle(x)
          && x.getJsonObject("daemon").getJsonObject("waiting_for_stable").getInteger("in") == 0);

      assertThat(problems(s)).as(s.encodePrettily()).containsOnly(
          Map.entry("empty.mkv", "rejected: a zero-byte file (an unfinished download or a cloud placeholder)"),
          Map.entry("Heat (1995).mp4", "rejected: the video is damaged or incomplete: truncated: box 'mdat' needs 1008 bytes,"
              + " the file ends after 998"),
          Map.entry("Alien (1979).mkv", "rejected: the video is damaged or incomplete: truncated: the Segment needs 2000 bytes,"
              + " the file ends after 1900"),
          Map.entry("a.mkv", "rejected: a symbolic link; links are not followed (they may point outside the source)"),
          Map.entry("b.mkv", "rejected: a symbolic link; links are not followed (they may point outside the source)"),
          Map.entry("Tab\\x09Name (2001).mkv", "rejected: the file name contains control characters (newline, tab, ...); rename it"),
          Map.entry("caf\uFFFD (2003).mkv", "rejected: the file name is not valid UTF-8; rename it"),
          Map.entry("incoming/Some.Show.S01.720p.mkv", "vanished: the file disappeared from the source before it was organized"));
      assertThat(s.getJsonArray("sources").getJsonObject(0).getString("error")).as("every folder could be read").isNull();
      assertThat(count(s, "rejected")).as("the file made readable is no longer rejected").isEqualTo(7);
      assertThat(d.terminate(Duration.ofSeconds(30))).isIn(0, 143);
    } finally {
      grow.set(false);
    }
    assertLibraryHolds(inputs, "Ronin (1998).mp4", "Movies/Ronin (1998)/Ronin (1998).mp4");
    assertLibraryHolds(inputs, "Fargo (1996).mkv", "Movies/Fargo (1996)/Fargo (1996).mkv");
    assertLibraryHolds(inputs, "Se7en (1995).mkv", "Movies/Se7en (1995)/Se7en (1995).mkv");
    assertBadInputsUntouched(in, inputs);
  }

  /** The files; returns their bytes by name (the symbolic links by their target). */
  private static Map<String, byte[]> writeBadInputs(Path in) throws Exception {
    Map<String, byte[]> inputs = new HashMap<>();
    put(inputs, in, "Ronin (1998).mp4", VideoBytes.mp4());
    put(inputs, in, "empty.mkv", new byte[0]);
    put(inputs, in, "Heat (1995).mp4", VideoBytes.cut(VideoBytes.mp4(), 10));
    put(inputs, in, "Alien (1979).mkv", VideoBytes.cut(VideoBytes.mkv("matroska", 2000), 100));
    put(inputs, in, "Se7en (1995).mkv", random(40_000, 7));
    Files.setPosixFilePermissions(in.resolve("Se7en (1995).mkv"), PosixFilePermissions.fromString("---------"));
    Files.createSymbolicLink(in.resolve("a.mkv"), Path.of("b.mkv"));
    Files.createSymbolicLink(in.resolve("b.mkv"), Path.of("a.mkv"));
    Files.createSymbolicLink(in.resolve("loop"), Path.of("."));
    put(inputs, in, "Tab\tName (2001).mkv", random(3_000, 8));
    Files.createDirectories(in.resolve("incoming"));
    put(inputs, in, "incoming/Some.Show.S01.720p.mkv", random(5_000, 9));
    Process p = new ProcessBuilder("sh", "-c", "printf 'not utf-8' > \"$(printf 'caf\\351 (2003).mkv')\"")
        .directory(in.toFile()).start();
    assertThat(p.waitFor()).as("a file whose name is not UTF-8").isZero();
    return inputs;
  }

  private static void put(Map<String, byte[]> inputs, Path in, String name, byte[] bytes) throws IOException {
    Files.write(in.resolve(name), bytes);
    inputs.put(name, bytes);
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static void appendWhile(Path file, AtomicBoolean grow) {
    byte[] chunk = random(4_096, 10);
    try {
      while (grow.get()) {
        Files.write(file, chunk, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Thread.sleep(200);
      }
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("the growing file stopped growing early", e);
    }
  }

  /**
   * The command prefix under which a mode-000 file cannot be read: none for an ordinary user,
   * {@link #NO_DAC} for root. The test is skipped (never passed) when neither works here.
   */
  static List<String> commandThatCannotReadMode000(Path dir) throws Exception {
    Path probe = dir.resolve("probe");
    Files.writeString(probe, "secret");
    Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
    try {
      if (cat(List.of(), probe).contains("Permission denied")) {
        return List.of();
      }
      String out;
      try {
        out = cat(NO_DAC, probe);
      } catch (IOException e) {
        out = "setpriv could not run: " + e.getMessage();
      }
      assumeTrue(out.contains("Permission denied"), "cannot run the daemon unable to read a mode-000 file here "
          + "(root without CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH via setpriv); `setpriv ... cat` said: " + out);
      return NO_DAC;
    } finally {
      Files.delete(probe);
    }
  }

  private static String cat(List<String> prefix, Path file) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(prefix);
    cmd.addAll(List.of("cat", file.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return "exit " + p.waitFor() + ": " + out.strip();
  }

  private static JsonObject await(DaemonProcess d, Predicate<JsonObject> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject s = new JsonObject();
    while (System.nanoTime() < deadline) {
      s = Scenario.status(d);
      if (s.containsKey("videos") && done.test(s)) {
        return s;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the daemon did not get there within 60 s: " + s.encodePrettily());
  }

  private static long count(JsonObject s, String state) {
    return s.getJsonObject("videos").getLong(state, 0L);
  }

  private static boolean idle(JsonObject s) {
    JsonObject q = s.getJsonObject("queue");
    return q.getLong("queued") == 0 && q.getLong("running") == 0;
  }

  /** Display path -> "state: reason" of every problem the status lists. */
  private static Map<String, String> problems(JsonObject s) {
    Map<String, String> out = new HashMap<>();
    s.getJsonArray("recent_problems").forEach(o -> {
      JsonObject p = (JsonObject) o;
      out.put(p.getString("path"), p.getString("state") + ": " + p.getString("reason"));
    });
    return out;
  }

  private void assertLibraryHolds(Map<String, byte[]> inputs, String input, String target) throws IOException {
    assertThat(Files.readAllBytes(dir.resolve("lib").resolve(target))).as("%s organized unchanged", input)
        .isEqualTo(inputs.get(input));
  }

  private static void assertBadInputsUntouched(Path in, Map<String, byte[]> inputs) throws IOException {
    for (var e : inputs.entrySet()) {
      if (List.of("Ronin (1998).mp4", "Fargo (1996).mkv", "Se7en (1995).mkv", "incoming/Some.Show.S01.720p.mkv")
          .contains(e.getKey())) {
        continue;
      }
      assertThat(Files.readAllBytes(in.resolve(e.getKey()))).as("%s is still in the source, unchanged", e.getKey())
          .isEqualTo(e.getValue());
    }
    assertThat(Files.readSymbolicLink(in.resolve("a.mkv"))).isEqualTo(Path.of("b.mkv"));
    assertThat(Files.readSymbolicLink(in.resolve("b.mkv"))).isEqualTo(Path.of("a.mkv"));
    assertThat(Files.isSymbolicLink(in.resolve("loop"))).isTrue();
    try (var names = Files.list(in)) {
      assertThat(names.filter(p -> p.getFileName().toString().startsWith("caf"))
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).count())
          .as("the file whose name is not UTF-8 is still there").isEqualTo(1);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
