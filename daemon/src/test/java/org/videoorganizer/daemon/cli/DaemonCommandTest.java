package org.videoorganizer.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return VorgCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void helpDescribesTheDaemon() {
    assertThat(run("daemon", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: vorg daemon", "--config", "SIGTERM");
  }

  @Test
  void aMissingConfigFileIsOneLineAndAUsageMistake() {
    assertThat(run("daemon", "--config", dir.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(err.toString().lines()).singleElement().satisfies(line ->
        assertThat(line).startsWith("vorg daemon: configuration: config file ").endsWith("does not exist (see 'vorg daemon --help')"));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void withoutAConfigurationItSaysSoAsAUsageMistake() {
    assertThat(run("daemon")).isEqualTo(2);
    assertThat(err.toString()).startsWith("vorg daemon: no configuration: give --config FILE").contains("VORG_SOURCES");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnreachableDatabaseNamesDatabaseUrl() throws Exception {
    Files.createDirectories(dir.resolve("in"));
    Path config = Files.writeString(dir.resolve("vorg.yaml"), "sources: [{name: in, path: " + dir.resolve("in") + "}]\n"
        + "library: " + dir.resolve("lib") + "\ndata_dir: " + dir.resolve("data") + "\n"
        + "database: {url: 'postgresql://vorg@127.0.0.1:1/vorg'}\n");
    assertThat(run("daemon", "-c", config.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("vorg daemon: database.url postgresql://vorg@127.0.0.1:1/vorg: cannot use the database: ");
  }

  @Test
  void aBadValueNamesTheKeyAndIsAUsageMistake() throws Exception {
    Path config = Files.writeString(dir.resolve("vorg.yaml"),
        "sources: [{name: in, path: /srv/in}]\nlibrary: /srv/lib\nworkers: {concurrency: 0}\n");
    assertThat(run("daemon", "-c", config.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("vorg daemon: configuration: workers.concurrency: '0' is not valid; "
        + "expected a whole number from 1 to 256 (see 'vorg daemon --help')\n");
  }
}
