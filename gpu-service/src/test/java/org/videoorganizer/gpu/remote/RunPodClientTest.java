package org.videoorganizer.gpu.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.extract.AudioClip;
import org.videoorganizer.gpu.testsupport.FakeRunPodServer;

class RunPodClientTest {

  static final String KEY = "rpa_TESTKEY";
  Vertx vertx;
  FakeRunPodServer server;
  RunPodClient client;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = FakeRunPodServer.start(vertx, KEY, "whisper123");
    client = client(KEY, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  RunPodClient client(String key, Duration jobTimeout) {
    return new RunPodClient(vertx, new RunPodSettings(server.endpointUrl(), key, jobTimeout, Duration.ofMinutes(10),
        Duration.ofMillis(20), Duration.ofMillis(200), 3, Duration.ofMillis(10),
        Pricing.perSecond("runpod-whisper", "RTX 4090", 0.00031)));
  }

  @Test
  void aJobIsQueuedThenPolledUntilCompletedWithItsTimes() throws Exception {
    server.timing(Duration.ofMillis(150), Duration.ofMillis(250));
    server.handler(input -> new JsonObject().put("echo", input.getString("word")));

    RunPodJob job = client.run(new JsonObject().put("word", "hello"));

    assertThat(job.status()).isEqualTo("COMPLETED");
    assertThat(job.output().getString("echo")).isEqualTo("hello");
    assertThat(job.delayMillis()).isEqualTo(150);
    assertThat(job.executionMillis()).isEqualTo(250);
    assertThat(job.wallMillis()).isGreaterThanOrEqualTo(400);
    assertThat(server.requests()).first().isEqualTo("POST /v2/whisper123/run");
    assertThat(server.requests()).filteredOn(r -> r.startsWith("GET /v2/whisper123/status/")).hasSizeGreaterThan(1);
  }

  @Test
  void runSyncReturnsAtOnceWhenTheJobFinishesWithinTheWait() throws Exception {
    server.handler(input -> new JsonObject().put("ok", true));

    RunPodJob job = client.runSync(new JsonObject());

    assertThat(job.output().getBoolean("ok")).isTrue();
    assertThat(server.requests()).containsExactly("POST /v2/whisper123/runsync");
  }

  @Test
  void aFailedJobIsRejectedWithTheHandlersError() {
    server.handler(input -> {
      throw new FakeRunPodServer.HandlerError("CUDA out of memory");
    });

    assertThatThrownBy(() -> client.run(new JsonObject())).isInstanceOf(BackendRejectedException.class)
        .hasMessageContaining("FAILED").hasMessageContaining("CUDA out of memory");
  }

  @Test
  void aJobThatOutlastsTheClientIsCancelledAndTheVideoWaits() throws Exception {
    server.timing(Duration.ofSeconds(30), Duration.ofSeconds(1)); // no worker comes
    try (var impatient = client(KEY, Duration.ofMillis(400))) {
      assertThatThrownBy(() -> impatient.run(new JsonObject())).isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("still IN_QUEUE").hasMessageContaining("cancelled");
    }
    assertThat(server.cancelledJobs()).hasSize(1);
    assertThat(server.requests()).last().asString().startsWith("POST /v2/whisper123/cancel/");
  }

  @Test
  void aWrongKeyIsRejected() {
    try (var wrong = client("nope", Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> wrong.run(new JsonObject())).isInstanceOf(BackendRejectedException.class)
          .hasMessageContaining("401");
    }
  }

  @Test
  void theWhisperWorkerGetsBase64WavAndGivesTextAndLanguage() throws Exception {
    server.timing(Duration.ofMillis(10), Duration.ofMillis(1200));
    server.handler(input -> new JsonObject().put("transcription", " Bonjour à tous. ")
        .put("detected_language", "fr").put("model", input.getString("model")));
    var transcriber = new RunPodTranscriber(client, "turbo");

    Transcript t = transcriber.transcribe(new AudioClip(Duration.ZERO, new byte[16_000 * 2 * 3]));

    assertThat(t.text()).isEqualTo("Bonjour à tous.");
    assertThat(t.language()).isEqualTo("fr");
    assertThat(t.usage().executionMillis()).isEqualTo(1200);
    assertThat(t.usage().audioSeconds()).isEqualTo(3.0);
    JsonObject input = server.inputs().get(0);
    assertThat(input.getString("model")).isEqualTo("turbo");
    assertThat(input.getBoolean("enable_vad")).isTrue();
    assertThat(java.util.Base64.getDecoder().decode(input.getString("audio_base64"))).startsWith('R', 'I', 'F', 'F');
    // billed: 1.2 s rounded up to 2 s at the 4090's $0.00031/s
    assertThat(transcriber.pricing().bill("v", "transcription", t.usage(), java.time.Instant.EPOCH).usd())
        .isEqualTo(0.00062, org.assertj.core.data.Offset.offset(1e-9));
  }
}
