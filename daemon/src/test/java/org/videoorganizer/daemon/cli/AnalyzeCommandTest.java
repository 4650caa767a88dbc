package org.videoorganizer.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.gpu.testsupport.FakeOpenAiServer;
import org.videoorganizer.gpu.testsupport.TestVideos;
import picocli.CommandLine;

class AnalyzeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    var cli = new CommandLine(new AnalyzeCommand(env));
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
  void printsOneJsonLinePerFileAndNamesTheFilesThatAreNoVideo() throws Exception {
    Path video = TestVideos.video().size(640, 360).seconds(6).title(0, "THE GREAT TEST MOVIE").picture(3, 2)
        .writeTo(dir.resolve("VID_0001.mp4"));
    Path text = Files.writeString(dir.resolve("notes.mkv"), "not a video");

    int status = run(Map.of(), video.toString(), text.toString());

    assertThat(status).isEqualTo(VorgCommand.FAILED);
    List<JsonNode> rows = lines();
    assertThat(rows).hasSize(2);
    JsonNode report = rows.get(0);
    assertThat(report.get("probe").get("video_codec").asText()).isEqualTo("mpeg4");
    assertThat(report.get("damaged").asBoolean()).isFalse();
    assertThat(report.get("proposals").get(0).get("text").asText()).isEqualTo("THE GREAT TEST MOVIE");
    assertThat(report.get("remote").asText()).isEqualTo("not_requested");
    assertThat(rows.get(1).get("error").asText()).contains("notes.mkv");
    assertThat(err.toString()).contains("1 of 2 file(s) could not be read as video");
  }

  @Test
  void remoteAddsTheVisionModelsDescriptionAndItsCost() throws Exception {
    Path video = TestVideos.video().seconds(6).silent().picture(0, 4).picture(3, 5).writeTo(dir.resolve("movie.mkv"));
    Vertx vertx = Vertx.vertx();
    try (var server = FakeOpenAiServer.start(vertx, "sk-cli", "vl")) {
      server.answerVision(new JsonObject().put("content_type", "home_video")
          .put("description", "Coloured shapes on a gradient.").put("confidence", 0.4));

      int status = run(Map.of("VORG_ANALYSIS_API_KEY", "sk-cli"), "--remote", "--vision-url", server.baseUrl(),
          "--vision-model", "vl", video.toString());

      assertThat(status).as(err.toString()).isZero();
      JsonNode report = lines().get(0);
      assertThat(report.get("remote").asText()).isEqualTo("done");
      assertThat(report.get("description").asText()).isEqualTo("Coloured shapes on a gradient.");
      assertThat(report.get("costs").get(0).get("gpu_class").asText()).isEqualTo("RTX 4090 PRO");
      assertThat(report.get("cost_usd").asDouble()).isPositive();
    } finally {
      vertx.close();
    }
  }

  @Test
  void remoteUsesTheDaemonsAnalysisSectionWithItsPrices() throws Exception {
    Path video = TestVideos.video().seconds(6).silent().picture(0, 4).picture(3, 5).writeTo(dir.resolve("VID_0003.mp4"));
    Vertx vertx = Vertx.vertx();
    try (var server = FakeOpenAiServer.start(vertx, "sk-config", "qwen")) {
      Path config = Files.writeString(dir.resolve("vorg.yaml"), "sources: [{name: in, path: /srv/in}]\nlibrary: /srv/lib\n"
          + "analysis: {remote: openai, url: '" + server.baseUrl() + "', model: qwen, gpu_class: L4, usd_per_second: 0.5}\n");

      int status = run(Map.of("VORG_ANALYSIS_API_KEY", "sk-config"), "--remote", "--config", config.toString(),
          video.toString());

      assertThat(status).as(err.toString()).isZero();
      JsonNode report = lines().get(0);
      assertThat(report.get("remote").asText()).isEqualTo("done");
      assertThat(report.get("costs").get(0).get("gpu_class").asText()).isEqualTo("L4");
      assertThat(report.get("costs").get(0).get("usd_per_s").asDouble()).isEqualTo(0.5);
      assertThat(server.chatRequests()).singleElement().satisfies(c -> assertThat(c.getString("model")).isEqualTo("qwen"));
    } finally {
      vertx.close();
    }
  }

  @Test
  void visionOnAnOpenAiServerAndSpeechOnRunPodEachGetTheirOwnKeyAndCost() throws Exception {
    Path video = TestVideos.video().seconds(6).picture(0, 4).picture(3, 5).writeTo(dir.resolve("VID_0004.mp4"));
    Vertx vertx = Vertx.vertx();
    try (var vision = FakeOpenAiServer.start(vertx, null, "vl");
        var whisper = org.videoorganizer.gpu.testsupport.FakeRunPodServer.start(vertx, "rpa_SPEECH", "whisper")) {
      whisper.handler(in -> new JsonObject().put("transcription", "Happy birthday!").put("detected_language", "en"));

      int status = run(Map.of("VORG_ANALYSIS_SPEECH_API_KEY", "rpa_SPEECH"), "--remote", "--vision-url", vision.baseUrl(),
          "--vision-model", "vl", "--runpod-endpoint", whisper.endpointUrl(), video.toString());

      assertThat(status).as(err.toString()).isZero();
      JsonNode report = lines().get(0);
      assertThat(report.get("remote").asText()).isEqualTo("done");
      assertThat(report.get("transcript").asText()).contains("Happy birthday!");
      assertThat(report.get("costs").findValuesAsText("task")).contains("vision", "transcription");
    } finally {
      vertx.close();
    }
  }

  @Test
  void twoRemoteBackendsOrAWrongSettingAreUsageMistakesNamingWhatToFix() throws Exception {
    assertThat(run(Map.of(), "--speech-url", "http://127.0.0.1:9/v1", "--runpod-endpoint", "https://api.runpod.ai/v2/x",
        "a.mp4")).isEqualTo(2);
    assertThat(err.toString()).contains("--speech-url and --runpod-endpoint");
    assertThat(run(Map.of(), "--runpod-endpoint", "https://api.runpod.ai/v2/x", "a.mp4")).isEqualTo(2);
    assertThat(err.toString()).contains("VORG_ANALYSIS_API_KEY");
  }
}
