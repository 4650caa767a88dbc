package org.videoorganizer.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;

/** {@code vorg backup} and {@code vorg restore} from the command line, on an external database. */
@ExtendWith(TestServices.class)
class BackupCommandTest {

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return VorgCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  private Path config(String name, String databaseUrl) throws Exception {
    Files.createDirectories(dir.resolve("in"));
    return Files.writeString(dir.resolve(name), "sources: [{name: in, path: " + dir.resolve("in") + "}]\n"
        + "library: " + dir.resolve("lib") + "\ndata_dir: " + dir.resolve("data-" + name) + "\n"
        + "database: {url: '" + databaseUrl + "'}\n");
  }

  @Test
  void backsUpAndRestoresIntoAnEmptyDatabaseAndRefusesAFullOne(TestServices.Env env) throws Exception {
    Path from = config("from.yaml", env.pgUrl());
    Path archive = dir.resolve("b.zip");
    assertThat(run("backup", "-c", from.toString(), "--out", dir.resolve("first.zip").toString())).isZero(); // makes the schema
    try (var c = java.sql.DriverManager.getConnection(Servers.jdbc(env.pgUrl())); var st = c.createStatement()) {
      st.execute("insert into sync_sources (name, path) values ('in', '/srv/in')");
    }
    assertThat(run("backup", "-c", from.toString(), "--out", archive.toString())).as(err.toString()).isZero();
    JsonObject line = new JsonObject(out.toString().strip());
    assertThat(line.getString("file")).isEqualTo(archive.toString());
    assertThat(line.getLong("bytes")).isEqualTo(Files.size(archive));
    assertThat(line.getJsonObject("rows").getLong("videos")).isZero();
    assertThat(line.getJsonObject("rows").getLong("sync_sources")).isEqualTo(1);

    assertThat(run("backup", "-c", from.toString(), "--out", archive.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(archive + " exists");

    Path to = config("to.yaml", TestServices.newDatabase());
    assertThat(run("restore", "-c", to.toString(), archive.toString())).as(err.toString()).isZero();
    assertThat(new JsonObject(out.toString().strip()).getBoolean("config_written")).isTrue();
    assertThat(Files.readString(dir.resolve("data-to.yaml/restored-vorg.yaml"))).isEqualTo(Files.readString(from));

    assertThat(run("restore", "-c", to.toString(), archive.toString())).as("again, over what it restored").isEqualTo(1);
    assertThat(err.toString().lines()).singleElement().satisfies(l -> assertThat(l).startsWith("vorg restore: ").contains("empty"));
  }

  @Test
  void aMissingArchiveIsOneLine(TestServices.Env env) throws Exception {
    Path cfg = config("c.yaml", TestServices.newDatabase());
    assertThat(run("restore", "-c", cfg.toString(), dir.resolve("nope.zip").toString())).isEqualTo(1);
    assertThat(err.toString().lines()).singleElement().satisfies(l -> assertThat(l).contains("nope.zip"));
  }
}
