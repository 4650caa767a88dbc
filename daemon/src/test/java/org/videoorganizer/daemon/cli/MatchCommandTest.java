package org.videoorganizer.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import picocli.CommandLine;

class MatchCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private FakeTmdbServer tmdb;

  @BeforeEach
  void start() {
    tmdb = FakeTmdbServer.start();
  }

  @AfterEach
  void stop() {
    tmdb.close();
  }

  private int run(String stdin, Map<String, String> env, String... args) {
    var command = new MatchCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env);
    var cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("vorg match: " + ex.getMessage());
      return VorgCommand.USAGE;
    });
    cli.setExecutionExceptionHandler((ex, c, p) -> {
      c.getErr().println("vorg match: " + ex.getMessage());
      return VorgCommand.FAILED;
    });
    return cli.execute(args);
  }

  private Map<String, String> env() {
    return Map.of("VORG_TMDB_BASE_URL", tmdb.baseUrl(), "VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY);
  }

  private List<JsonNode> lines() throws Exception {
    var rows = new ArrayList<JsonNode>();
    for (String line : out.toString().split("\n")) {
      rows.add(JSON.readTree(line));
    }
    return rows;
  }

  @Test
  void writesOneJsonLinePerNameWithDecisionIdentityAndEvidence() throws Exception {
    String names = "RoboCop.2014.1080p.BluRay.x264-SPARKS.mkv\n"
        + "TV/Breaking Bad/Season 2/Breaking Bad - S02E03.mkv\n"
        + "RoboCop.mkv\n"
        + "VID_20190512_123456.mp4\n";
    assertThat(run(names, env())).isZero();
    List<JsonNode> rows = lines();
    assertThat(rows).hasSize(4);
    JsonNode film = rows.get(0);
    assertThat(film.get("input").asText()).isEqualTo("RoboCop.2014.1080p.BluRay.x264-SPARKS.mkv");
    assertThat(film.get("decision").asText()).isEqualTo("matched");
    assertThat(film.get("media_type").asText()).isEqualTo("movie");
    assertThat(film.get("tmdb_id").asLong()).isEqualTo(97020);
    assertThat(film.get("title").asText()).isEqualTo("RoboCop");
    assertThat(film.get("year").asInt()).isEqualTo(2014);
    assertThat(film.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.85);
    assertThat(film.get("evidence")).isNotEmpty();
    JsonNode episode = rows.get(1);
    assertThat(episode.get("media_type").asText()).isEqualTo("tv");
    assertThat(episode.get("tmdb_id").asLong()).isEqualTo(1396);
    assertThat(episode.get("season").asInt()).isEqualTo(2);
    assertThat(episode.get("episode").asInt()).isEqualTo(3);
    assertThat(rows.get(2).get("decision").asText()).isEqualTo("review");
    assertThat(rows.get(2).get("candidates")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(rows.get(3).get("decision").asText()).isIn("none", "review");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void bearerTokenFromTheEnvironmentWorks() throws Exception {
    var env = Map.of("VORG_TMDB_BASE_URL", tmdb.baseUrl(), "VORG_TMDB_TOKEN", FakeTmdbServer.TOKEN);
    assertThat(run("The Matrix (1999).mkv\n", env)).isZero();
    assertThat(lines().get(0).get("tmdb_id").asLong()).isEqualTo(603);
  }

  @Test
  void theTokenComesFromAnOwnerOnlyFileAndTheAddressFromTheDaemonsConfigFile(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("tmdb.token"), FakeTmdbServer.TOKEN + "\n");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    Path config = Files.writeString(dir.resolve("vorg.yaml"), "sources: [{name: inbox, path: /srv/inbox}]\n"
        + "library: /srv/media\ntmdb:\n  base_url: " + tmdb.baseUrl() + "\n");
    assertThat(run("The Matrix (1999).mkv\n", Map.of("VORG_TMDB_TOKEN_FILE", token.toString()),
        "--config", config.toString())).isZero();
    assertThat(lines().get(0).get("tmdb_id").asLong()).isEqualTo(603);
  }

  @Test
  void aTokenFileOthersCanReadIsAUsageMistakeNamingTheFix(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("tmdb.token"), FakeTmdbServer.TOKEN);
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
    var env = Map.of("VORG_TMDB_BASE_URL", tmdb.baseUrl(), "VORG_TMDB_TOKEN_FILE", token.toString());
    assertThat(run("The Matrix (1999).mkv\n", env)).isEqualTo(2);
    assertThat(err.toString()).contains("VORG_TMDB_TOKEN_FILE", "chmod 600 " + token).doesNotContain(FakeTmdbServer.TOKEN);
    assertThat(tmdb.requestCount()).isZero();
  }

  @Test
  void withKeyAndTokenBothSetTheKeyIsUsedAsInTheDaemon() throws Exception {
    var env = Map.of("VORG_TMDB_BASE_URL", tmdb.baseUrl(), "VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY,
        "VORG_TMDB_TOKEN", "not-the-token");
    assertThat(run("The Matrix (1999).mkv\n", env)).isZero();
    assertThat(lines().get(0).get("decision").asText()).isEqualTo("matched");
  }

  @Test
  void theConfiguredMinConfidenceIsTheThresholdUnlessAutoAcceptIsGiven() throws Exception {
    assertThat(run("RoboCop.mkv\n", env())).isZero(); // two remakes: review at the default threshold
    JsonNode unsure = lines().get(0);
    assertThat(unsure.get("decision").asText()).isEqualTo("review");
    var env = new java.util.HashMap<>(env());
    env.put("VORG_TMDB_MIN_CONFIDENCE", unsure.get("confidence").asText());
    out.getBuffer().setLength(0);
    assertThat(run("RoboCop.mkv\n", env)).isZero();
    assertThat(lines().get(0).get("decision").asText()).isEqualTo("matched");
    out.getBuffer().setLength(0);
    assertThat(run("RoboCop.mkv\n", env, "--auto-accept", "0.99")).isZero();
    assertThat(lines().get(0).get("decision").asText()).isEqualTo("review");
  }

  @Test
  void thresholdOutsideZeroToOneIsAUsageMistake() {
    assertThat(run("The Matrix (1999).mkv\n", env(), "--auto-accept", "2")).isEqualTo(2);
    assertThat(err.toString()).contains("--auto-accept must be between 0 and 1, got 2.0");
    assertThat(tmdb.requestCount()).isZero();
  }

  @Test
  void missingCredentialsFailWithOneLineNamingTheVariables() {
    assertThat(run("The Matrix (1999).mkv\n", Map.of("VORG_TMDB_BASE_URL", tmdb.baseUrl()))).isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly("vorg match: TMDB needs credentials: set VORG_TMDB_API_KEY or "
        + "VORG_TMDB_TOKEN (or VORG_TMDB_API_KEY_FILE / VORG_TMDB_TOKEN_FILE naming a file only you can read)");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void rejectedKeyStopsAtOnceWithOneLine() {
    var env = Map.of("VORG_TMDB_BASE_URL", tmdb.baseUrl(), "VORG_TMDB_API_KEY", "wrong");
    assertThat(run("The Matrix (1999).mkv\nAlien (1979).mkv\n", env)).isEqualTo(1);
    assertThat(err.toString()).startsWith("vorg match: TMDB rejected the API key (401");
    assertThat(tmdb.requestCount()).isEqualTo(1);
  }

  @Test
  void serverFailuresMarkTheLineAndTheRestGoesOn() throws Exception {
    tmdb.failNext(500, 4);
    assertThat(run("The Matrix (1999).mkv\nAlien (1979).mkv\n", env(), "--requests-per-second", "1000")).isEqualTo(1);
    List<JsonNode> rows = lines();
    assertThat(rows.get(0).get("decision").asText()).isEqualTo("error");
    assertThat(rows.get(0).get("error").asText()).contains("TMDB failed with 500");
    assertThat(rows.get(1).get("decision").asText()).isEqualTo("matched");
    assertThat(err.toString()).contains("TMDB failed for 1 of 2 names");
  }
}
