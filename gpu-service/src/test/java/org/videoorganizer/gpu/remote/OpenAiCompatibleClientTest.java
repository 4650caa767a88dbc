package org.videoorganizer.gpu.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.extract.AudioClip;
import org.videoorganizer.gpu.extract.KeyFrame;
import org.videoorganizer.gpu.testsupport.FakeOpenAiServer;

class OpenAiCompatibleClientTest {

  static final String KEY = "sk-test-0123";
  Vertx vertx;
  FakeOpenAiServer server;
  OpenAiCompatibleClient client;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = FakeOpenAiServer.start(vertx, KEY, "qwen2.5vl:7b", "whisper-large-v3");
    client = client(server.baseUrl(), KEY, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  OpenAiCompatibleClient client(String url, String key, Duration timeout) {
    return new OpenAiCompatibleClient(vertx, new OpenAiSettings(url, key, "qwen2.5vl:7b", "whisper-large-v3", timeout,
        3, Duration.ofMillis(10), Pricing.perSecond("vllm-pod", "RTX 4090", 0.00031)));
  }

  static List<KeyFrame> frames(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> new KeyFrame(Duration.ofSeconds(i * 60),
        new BufferedImage(64, 36, BufferedImage.TYPE_3BYTE_BGR), 0, 0, 0, i == 0)).toList();
  }

  @Test
  void describesFramesAsImageUrlPartsAndReadsTheJsonAnswer() throws Exception {
    server.answerVision(new JsonObject().put("title_text", "Mad Max: Fury Road").put("content_type", "movie")
        .put("year", 2015).put("description", "A chase across a desert.").put("confidence", 0.8));

    VisualAnalysis v = client.describe(frames(3), "File name: VID_0001.mp4.");

    assertThat(v.titleText()).isEqualTo("Mad Max: Fury Road");
    assertThat(v.contentType()).isEqualTo("movie");
    assertThat(v.year()).isEqualTo(2015);
    assertThat(v.usage().tokensIn()).isGreaterThanOrEqualTo(3 * 420);
    assertThat(v.usage().tokensOut()).isPositive();
    JsonObject sent = server.chatRequests().get(0);
    assertThat(sent.getString("model")).isEqualTo("qwen2.5vl:7b");
    assertThat(sent.getJsonObject("response_format").getString("type")).isEqualTo("json_object");
    var parts = sent.getJsonArray("messages").getJsonObject(1).getJsonArray("content");
    assertThat(parts.size()).isEqualTo(4);
    assertThat(parts.getJsonObject(0).getString("text")).contains("VID_0001.mp4");
  }

  @Test
  void transcribesAWavWindowAndReportsTheLanguage() throws Exception {
    server.answerSpeech("Welcome to the great test movie.", "en");
    var clip = new AudioClip(Duration.ofSeconds(30), new byte[32_000 * 2]);

    Transcript t = client.transcribe(clip);

    assertThat(t.text()).isEqualTo("Welcome to the great test movie.");
    assertThat(t.language()).isEqualTo("en");
    assertThat(t.usage().audioSeconds()).isEqualTo(2.0);
    assertThat(server.uploads()).singleElement().isEqualTo(
        new FakeOpenAiServer.Upload("whisper-large-v3", "clip.wav", 44 + 64_000, "verbose_json"));
  }

  @Test
  void retriesServerErrorsAndRateLimitsThenSucceeds() throws Exception {
    server.failNext(503, 1);
    server.failNext(429, 1);

    assertThat(client.describe(frames(1), "").contentType()).isEqualTo("other");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void aServerThatKeepsFailingIsUnavailableAfterTheLastAttempt() {
    server.failNext(502, 3);

    assertThatThrownBy(() -> client.describe(frames(1), "")).isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("502").hasMessageContaining("after 3 attempt(s)");
  }

  @Test
  void aServerThatIsDownIsUnavailable() throws Exception {
    String url = server.baseUrl();
    server.close();
    try (var down = client(url, KEY, Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> down.transcribe(new AudioClip(Duration.ZERO, new byte[3200])))
          .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("vllm-pod is unavailable");
    }
  }

  @Test
  void anAnswerThatNeverComesTimesOut() throws Exception {
    server.failNext(0, 3);
    try (var impatient = client(server.baseUrl(), KEY, Duration.ofMillis(300))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> impatient.describe(frames(1), "")).isInstanceOf(BackendUnavailableException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aWrongKeyIsRejectedAtOnceWithTheServersMessage() throws Exception {
    try (var wrong = client(server.baseUrl(), "sk-wrong", Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> wrong.describe(frames(1), "")).isInstanceOf(BackendRejectedException.class)
          .hasMessageContaining("401").hasMessageContaining("Incorrect API key");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void anAnswerInProseInsteadOfJsonIsRejectedWithAnExcerpt() {
    server.answerVisionProse("I think this is a movie about cars.");

    assertThatThrownBy(() -> client.describe(frames(1), "")).isInstanceOf(BackendRejectedException.class)
        .hasMessageContaining("not JSON: I think this is a movie");
  }
}
