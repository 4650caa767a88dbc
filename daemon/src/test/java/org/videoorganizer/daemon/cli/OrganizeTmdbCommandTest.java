package org.videoorganizer.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import picocli.CommandLine;

/** {@code vorg organize} with TMDB configured through the environment, against the fake TMDB. */
class OrganizeTmdbCommandTest {

  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private FakeTmdbServer tmdb;
  private Path src;
  private Path lib;

  @BeforeEach
  void start() throws IOException {
    tmdb = FakeTmdbServer.start();
    src = Files.createDirectories(tmp.resolve("in"));
    lib = tmp.resolve("lib");
    Files.write(src.resolve("RoboCop.1987.1080p.mkv"), new byte[] {1, 2, 3});
    Files.write(src.resolve("RoboCop.mkv"), new byte[] {4, 5});
  }

  @AfterEach
  void stop() {
    tmdb.close();
  }

  private int run(Map<String, String> env, String... args) {
    var cli = new CommandLine(new OrganizeCommand(env));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler(CliErrors::usageMistake);
    cli.setExecutionExceptionHandler(CliErrors::failure);
    return cli.execute(args);
  }

  private Map<String, String> env(String key) {
    return Map.of("VORG_TMDB_BASE_URL", tmdb.baseUrl(), "VORG_TMDB_API_KEY", key);
  }

  private List<JsonNode> jsonLines() throws IOException {
    var rows = new ArrayList<JsonNode>();
    for (String line : out.toString().split("\n")) {
      rows.add(new ObjectMapper().readTree(line));
    }
    return rows;
  }

  @Test
  void aDryRunNamesWithTmdbListsTheNfoAndLeavesTheAmbiguousNameForReview() throws IOException {
    assertThat(run(env(FakeTmdbServer.API_KEY), src.toString(), "--library", lib.toString(), "--dry-run", "--json")).isZero();
    List<JsonNode> rows = jsonLines();
    assertThat(rows).extracting(r -> r.get("action").asText() + " " + r.get("target").asText())
        .containsExactlyInAnyOrder(
            "move " + lib.resolve("Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv"),
            "write " + lib.resolve("Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].nfo"),
            "review null");
    JsonNode review = rows.stream().filter(r -> r.get("action").asText().equals("review")).findFirst().orElseThrow();
    assertThat(review.get("source").asText()).endsWith("RoboCop.mkv");
    assertThat(review.get("reason").asText()).contains("RoboCop (1987)", "RoboCop (2014)");
    assertThat(err.toString()).contains("would move 1 files", "of 1 videos, write 1 NFO files; review 1 files (1 videos), "
        + "skip 0, fail 0; 2 units planned");
    assertThat(lib).doesNotExist();
  }

  @Test
  void aRunWritesTheNfoAndUndoRemovesIt() {
    assertThat(run(env(FakeTmdbServer.API_KEY), src.toString(), "--library", lib.toString())).isZero();
    Path nfo = lib.resolve("Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].nfo");
    assertThat(nfo).content().contains("<uniqueid type=\"tmdb\" default=\"true\">5548</uniqueid>");
    assertThat(out.toString()).contains("written", "(new nfo) -> Movies/RoboCop (1987) [tmdbid-5548]/", "review");
    assertThat(err.toString()).contains("NFO written 1", "review 1");
    String journal = err.toString().replaceAll("(?s).*journal (\\S+\\.jsonl).*", "$1");
    assertThat(VorgCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("undo", journal)).isZero();
    assertThat(nfo).doesNotExist();
    assertThat(lib.resolve("Movies")).doesNotExist();
    assertThat(src.resolve("RoboCop.1987.1080p.mkv")).exists();
  }

  @Test
  void noTmdbAndNoNfoNameFromTheFileNameOnly() throws IOException {
    assertThat(run(env(FakeTmdbServer.API_KEY), src.toString(), "--library", lib.toString(), "--no-tmdb", "--no-nfo",
        "--dry-run", "--json")).isZero();
    assertThat(jsonLines()).extracting(r -> r.get("action").asText()).doesNotContain("write", "review");
    assertThat(jsonLines()).extracting(r -> r.get("reason").asText()).containsOnly("named from the file name (--no-tmdb)");
    assertThat(out.toString()).doesNotContain("tmdbid");
    assertThat(tmdb.requestCount()).isZero();
  }

  @Test
  void aRejectedKeyLeavesEveryFileInPlaceAndExitsOne() {
    assertThat(run(env("wrong"), src.toString(), "--library", lib.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("failed", "TMDB rejected the API key (401");
    assertThat(err.toString().lines().toList().getLast()).startsWith("organize: 2 files could not be organized");
    assertThat(src.resolve("RoboCop.1987.1080p.mkv")).exists();
    assertThat(src.resolve("RoboCop.mkv")).exists();
    assertThat(tmdb.requestCount()).isEqualTo(1);
  }

  @Test
  void anUnreachableTmdbLeavesEveryFileInPlaceAndExitsOneAlsoInADryRun() {
    String gone;
    try (var stopped = FakeTmdbServer.start()) {
      gone = stopped.baseUrl();
    }
    var env = Map.of("VORG_TMDB_BASE_URL", gone, "VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY);
    assertThat(run(env, src.toString(), "--library", lib.toString(), "--dry-run")).isEqualTo(1);
    assertThat(out.toString()).contains("fail", "left in place, TMDB");
    assertThat(run(env, src.toString(), "--library", lib.toString())).isEqualTo(1);
    assertThat(src.resolve("RoboCop.1987.1080p.mkv")).exists();
    assertThat(lib.resolve("Movies")).doesNotExist();
  }
}
