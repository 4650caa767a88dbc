package org.videoorganizer.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ParseCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    var cli = new CommandLine(new ParseCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private List<JsonNode> lines() throws Exception {
    var nodes = new java.util.ArrayList<JsonNode>();
    for (String line : out.toString().split("\n")) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @Test
  void writesOneJsonObjectPerInputLineWithTheCorpusFieldNames() throws Exception {
    assertThat(run("Show/Season 2/Show.S02E03E04.Title.1080p.WEB-DL.x264-GRP.mkv\nThe Matrix (1999) [tmdbid-603].mkv\n")).isZero();
    List<JsonNode> rows = lines();
    assertThat(rows).hasSize(2);
    JsonNode ep = rows.get(0);
    assertThat(ep.get("type").asText()).isEqualTo("episode");
    assertThat(ep.get("title").asText()).isEqualTo("Show");
    assertThat(ep.get("season").asInt()).isEqualTo(2);
    assertThat(ep.get("episode").toString()).isEqualTo("[3,4]");
    assertThat(ep.get("episode_title").asText()).isEqualTo("Title");
    assertThat(ep.get("resolution").asText()).isEqualTo("1080p");
    assertThat(ep.get("release_group").asText()).isEqualTo("GRP");
    assertThat(ep.get("container").asText()).isEqualTo("mkv");
    JsonNode movie = rows.get(1);
    assertThat(movie.get("type").asText()).isEqualTo("movie");
    assertThat(movie.get("year").asInt()).isEqualTo(1999);
    assertThat(movie.get("tmdb_id").asLong()).isEqualTo(603);
  }

  @Test
  void leavesAbsentFactsOut() throws Exception {
    assertThat(run("Some Movie.mkv\n")).isZero();
    JsonNode row = lines().get(0);
    assertThat(row.has("season")).isFalse();
    assertThat(row.has("episode")).isFalse();
    assertThat(row.has("year")).isFalse();
    assertThat(row.has("subtitle")).isFalse();
  }

  @Test
  void keepsOneOutputLinePerInputLineEvenForBlankLines() throws Exception {
    assertThat(run("\n\nMovie.en.forced.srt\n")).isZero();
    List<JsonNode> rows = lines();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("type").asText()).isEqualTo("unknown");
    JsonNode subtitle = rows.get(2).get("subtitle");
    assertThat(subtitle.get("language").asText()).isEqualTo("en");
    assertThat(subtitle.get("forced").asBoolean()).isTrue();
  }

  @Test
  void echoesTheInputWhenAsked() throws Exception {
    assertThat(run("a \"quoted\" name.mkv\n", "--echo-input")).isZero();
    assertThat(lines().get(0).get("input").asText()).isEqualTo("a \"quoted\" name.mkv");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void isWiredIntoTheVorgCommandLine() {
    int status = VorgCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute("parse", "--help");
    assertThat(status).isZero();
    assertThat(out.toString()).contains("Usage: vorg parse");
  }
}
