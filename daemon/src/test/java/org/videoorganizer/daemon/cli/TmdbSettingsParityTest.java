package org.videoorganizer.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;
import picocli.CommandLine;

/**
 * One configuration, two front ends: the daemon and {@code vorg organize} read the same YAML file
 * and variables (TMDB address from the file, the key from an owner-only file, a token that TMDB
 * would refuse beside it) and name the same film the same way.
 */
@ExtendWith(TestServices.class)
class TmdbSettingsParityTest {

  @TempDir Path dir;

  private static final String FILM = "RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv";

  @Test
  void theDaemonAndVorgOrganizeReadTmdbAlikeAndNameTheFilmAlike(TestServices.Env services) throws Exception {
    try (FakeTmdbServer tmdb = FakeTmdbServer.start()) {
      Path key = Files.writeString(dir.resolve("tmdb.key"), FakeTmdbServer.API_KEY + "\n");
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      Path yaml = Files.writeString(dir.resolve("vorg.yaml"), "sources: [{name: in, path: " + dir.resolve("in") + "}]\n"
          + "library: " + dir.resolve("lib") + "\ndata_dir: " + dir.resolve("data") + "\n"
          + "tmdb: {base_url: '" + tmdb.baseUrl() + "'}\n");
      Map<String, String> env = Map.of("VORG_TMDB_API_KEY_FILE", key.toString(), "VORG_TMDB_TOKEN", "a-token-tmdb-refuses");

      Files.createDirectories(dir.resolve("in"));
      Files.write(Files.createDirectories(dir.resolve("cli-in")).resolve("RoboCop.1987.1080p.mkv"), new byte[] {1, 2, 3});
      var out = new StringWriter();
      var err = new StringWriter();
      var cli = new CommandLine(new OrganizeCommand(env));
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      assertThat(cli.execute(dir.resolve("cli-in").toString(), "--library", dir.resolve("cli-lib").toString(),
          "--config", yaml.toString())).as(err.toString()).isZero();
      assertThat(dir.resolve("cli-lib/Movies/" + FILM)).hasBinaryContent(new byte[] {1, 2, 3});

      var daemonEnv = new HashMap<>(env);
      daemonEnv.putAll(Map.of("VORG_DATABASE_URL", services.pgUrl(), "VORG_HTTP_PORT", "0",
          "VORG_INGEST_STABLE_SECONDS", "1", "VORG_INGEST_RESCAN_SECONDS", "1", "VORG_WORKERS_POLL_SECONDS", "1"));
      Daemon daemon = Daemon.start(ConfigLoader.load(Optional.of(yaml), daemonEnv));
      try {
        Files.write(dir.resolve("in/RoboCop.1987.1080p.mkv"), new byte[] {1, 2, 3});
        Path organized = dir.resolve("lib/Movies/" + FILM);
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (!Files.exists(organized) && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        assertThat(organized).hasBinaryContent(new byte[] {1, 2, 3});
      } finally {
        daemon.stop();
      }
    }
  }
}
