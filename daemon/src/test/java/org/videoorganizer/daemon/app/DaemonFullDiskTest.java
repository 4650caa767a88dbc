package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * A library on a full disk (a 2 MiB tmpfs, so the journal can run out of room too): the video
 * that does not fit fails with the file system's reason after its attempts, its source untouched
 * and no temporary copy left; the one that fits is organized.
 */
@ExtendWith(TestServices.class)
class DaemonFullDiskTest {

  @TempDir Path dir;

  @Test
  void aVideoThatDoesNotFitFailsWithTheReasonAndLosesNothing(TestServices.Env env) throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    assumeThat(sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", lib.toString()))
        .as("mounting a 2 MiB tmpfs needs root; without it there is no full disk to test").isTrue();
    try {
      DaemonTest.write(dir.resolve("in/Small.Movie.2001.mkv"), 200_000, 1);
      DaemonTest.write(dir.resolve("in/Big.Movie.2002.mkv"), 3 * 1024 * 1024, 2);
      byte[] big = Files.readAllBytes(dir.resolve("in/Big.Movie.2002.mkv"));
      Daemon d = Daemon.start(DaemonTest.config(dir, env, Map.of("VORG_WORKERS_MAX_ATTEMPTS", "2")));
      JsonObject s;
      try {
        s = DaemonTest.awaitSettled(HttpClient.newHttpClient(), d, 2);
      } finally {
        d.stop();
      }
      assertThat(s.getJsonObject("videos").getLong("organized")).as(s.encodePrettily()).isEqualTo(1);
      assertThat(s.getJsonObject("videos").getLong("failed")).as(s.encodePrettily()).isEqualTo(1);
      assertThat(reason(env, "Big.Movie.2002.mkv")).startsWith("failed: organize: could not carry Big.Movie.2002.mkv to ")
        .contains("No space left on device");
      assertThat(lib.resolve("Movies/Small Movie (2001)/Small Movie (2001).mkv")).hasSize(200_000);
      assertThat(Files.readAllBytes(dir.resolve("in/Big.Movie.2002.mkv"))).as("the source is untouched").isEqualTo(big);
      try (Stream<Path> all = Files.walk(lib)) {
        List<String> temps = all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".vorg-")).toList();
        assertThat(temps).as("no temporary copy left in the library").isEmpty();
      }
    } finally {
      sh("umount", lib.toString());
    }
  }

  private static String reason(TestServices.Env env, String path) throws Exception {
    try (var c = DriverManager.getConnection(Servers.jdbc(env.pgUrl()));
        var st = c.prepareStatement("select state || ': ' || coalesce(reason, '') from videos where rel_path = ?")) {
      st.setString(1, path);
      try (var r = st.executeQuery()) {
        return r.next() ? r.getString(1) : "(no row)";
      }
    }
  }

  private static boolean sh(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }
}
