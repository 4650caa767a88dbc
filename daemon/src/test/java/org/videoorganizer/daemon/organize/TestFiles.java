package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.daemon.identify.NameIdentifier;
import org.videoorganizer.daemon.plan.OrganizePlanner;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Real files in temporary folders for the organizer tests. */
public final class TestFiles {

  private static final FilenameParser PARSER = new FilenameParser();

  private TestFiles() {}

  public static Path write(Path file, int size, long seed) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return Files.write(file, bytes);
  }

  static Organizer organizer(MoverHook hook) {
    var planner = new OrganizePlanner(new NameIdentifier(p -> PARSER.parse(p.toString())), JellyfinNaming.defaults());
    return new Organizer(planner, hook, Clock.systemUTC());
  }

  static Summary run(Path source, Path library, TransferMode mode) throws IOException {
    Organizer o = organizer(MoverHook.NONE);
    return o.execute(o.plan(source, library), mode, (u, r, i, n) -> { });
  }

  /** Regular files below a folder, hidden folders (trash, journal) left out unless asked. */
  public static List<Path> files(Path root, boolean withHidden) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> withHidden || !hidden(root.relativize(p)))
          .sorted().toList();
    }
  }

  private static boolean hidden(Path relative) {
    for (Path c : relative) {
      if (c.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** A folder on another filesystem than /tmp (tmpfs /dev/shm), or the test is skipped. */
  public static Path otherFilesystem(String prefix) throws IOException {
    Path shm = Path.of("/dev/shm");
    assumeThat(Files.isDirectory(shm) && Files.isWritable(shm)).as("/dev/shm is needed as a second filesystem").isTrue();
    Path dir = Files.createTempDirectory(shm, prefix);
    assumeThat(FileState.device(dir)).as("/dev/shm must be another filesystem than /tmp")
        .isNotEqualTo(FileState.device(Path.of(System.getProperty("java.io.tmpdir"))));
    return dir;
  }

  public static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Runs a command (mount, chattr); returns whether it exited 0. */
  public static boolean sh(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public static List<String> names(List<Path> files, Path root) {
    var out = new ArrayList<String>();
    files.forEach(f -> out.add(root.relativize(f).toString()));
    return out;
  }
}
