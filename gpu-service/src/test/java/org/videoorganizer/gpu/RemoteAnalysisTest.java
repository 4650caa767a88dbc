package org.videoorganizer.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.gpu.cost.Budget;
import org.videoorganizer.gpu.cost.CostRecord;
import org.videoorganizer.gpu.cost.InMemoryCostLedger;
import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.ocr.TitleCardReader;
import org.videoorganizer.gpu.remote.OpenAiCompatibleClient;
import org.videoorganizer.gpu.remote.OpenAiSettings;
import org.videoorganizer.gpu.remote.RunPodClient;
import org.videoorganizer.gpu.remote.RunPodSettings;
import org.videoorganizer.gpu.remote.RunPodTranscriber;
import org.videoorganizer.gpu.testsupport.FakeOpenAiServer;
import org.videoorganizer.gpu.testsupport.FakeRunPodServer;
import org.videoorganizer.gpu.testsupport.TestVideos;

/** The remote path end to end: a real video, the fake vision server and the fake RunPod Whisper worker. */
class RemoteAnalysisTest {

  @TempDir
  static Path dir;
  static Vertx vertx;
  static Path video;
  static final Clock NOON = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
  FakeOpenAiServer vision;
  FakeRunPodServer whisper;
  OpenAiCompatibleClient chat;
  RunPodClient runpod;
  InMemoryCostLedger ledger;

  @BeforeAll
  static void video() throws Exception {
    vertx = Vertx.vertx();
    video = TestVideos.video().seconds(20).title(0, "HOLIDAY 2019").picture(3, 1).picture(8, 2).picture(14, 3)
        .writeTo(dir.resolve("movie.mkv"));
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @BeforeEach
  void servers() throws Exception {
    vision = FakeOpenAiServer.start(vertx, null, "qwen2.5vl:7b");
    vision.latency(Duration.ofMillis(200));
    vision.answerVision(new JsonObject().put("title_text", null).put("content_type", "home_video")
        .put("description", "Children playing on a beach in summer.").put("confidence", 0.7));
    whisper = FakeRunPodServer.start(vertx, "rpa_KEY", "whisper");
    whisper.timing(Duration.ofMillis(30), Duration.ofMillis(1001));
    whisper.handler(in -> new JsonObject().put("transcription", "Look at the waves!").put("detected_language", "en"));
    chat = new OpenAiCompatibleClient(vertx, new OpenAiSettings(vision.baseUrl(), null, "qwen2.5vl:7b", "none",
        Duration.ofSeconds(5), 2, Duration.ofMillis(10), Pricing.perSecond("ollama-4090", "RTX 4090", 0.00031)));
    runpod = new RunPodClient(vertx, new RunPodSettings(whisper.endpointUrl(), "rpa_KEY", Duration.ofSeconds(10),
        Duration.ofMinutes(5), Duration.ofMillis(20), Duration.ofMillis(100), 2, Duration.ofMillis(10),
        Pricing.perSecond("runpod-whisper", "RTX 4090", 0.00031)));
    ledger = new InMemoryCostLedger();
  }

  /** Three 5-second windows of sound out of the 20-second video. */
  static AnalysisRequest request(String video) {
    return new AnalysisRequest(video, true, 10, 3, Duration.ofSeconds(5), 5);
  }

  ContentAnalyzer analyzer(Budget budget) {
    return ContentAnalyzer.builder().ocr(() -> new TitleCardReader(dir.resolve("tessdata")))
        .describer(chat).transcriber(new RunPodTranscriber(runpod, "turbo")).ledger(ledger).budget(budget)
        .clock(NOON).build();
  }

  @Test
  void describesTranscribesAndBooksEveryCall() throws Exception {
    AnalysisReport report = analyzer(Budget.UNLIMITED).analyze(video, request("v1"));

    assertThat(report.remote()).isEqualTo(RemoteStatus.DONE);
    assertThat(report.description()).contains("Children playing on a beach in summer.");
    assertThat(report.contentType()).contains("home_video");
    assertThat(report.transcript()).hasValueSatisfying(t -> assertThat(t).startsWith("Look at the waves!"));
    assertThat(report.spokenLanguage()).contains("en");
    assertThat(report.ocr()).extracting(l -> l.text()).contains("HOLIDAY 2019");
    assertThat(report.costs()).hasSize(4); // one vision call, three audio windows
    CostRecord first = report.costs().get(0);
    assertThat(first.backend()).isEqualTo("ollama-4090");
    assertThat(first.task()).isEqualTo("vision");
    assertThat(first.gpuClass()).isEqualTo("RTX 4090");
    assertThat(first.wallMillis()).isGreaterThanOrEqualTo(200);
    assertThat(first.tokensIn()).isGreaterThanOrEqualTo(420L * report.keyFrames());
    CostRecord speech = report.costs().get(1);
    assertThat(speech.executionMillis()).isEqualTo(1001);
    assertThat(speech.queueMillis()).isEqualTo(30);
    assertThat(speech.audioSeconds()).isEqualTo(5.0);
    assertThat(speech.usd()).isEqualTo(2 * 0.00031, org.assertj.core.data.Offset.offset(1e-9));
    var spending = org.videoorganizer.gpu.cost.Spending.of(ledger, "v1", NOON);
    assertThat(spending.onVideo()).isEqualTo(report.costUsd());
    assertThat(spending.today()).isEqualTo(report.costUsd());
    assertThat(spending.thisMonth()).isEqualTo(report.costUsd());
    assertThat(org.videoorganizer.gpu.cost.Spending.of(ledger, "v1",
        Clock.offset(NOON, Duration.ofDays(1))).today()).isZero();
    assertThat(vision.chatRequests().get(0).encode()).contains("HOLIDAY 2019"); // OCR text is a hint
  }

  @Test
  void aReachedDailyBudgetStopsRemoteCallsButNotLocalAnalysis() throws Exception {
    ledger.record(new CostRecord("earlier", "runpod-whisper", "transcription", "RTX 4090", 0.00031, 0, 0, 0, 0, 0,
        0, 0, 60, 1.0, NOON.instant().minusSeconds(3600)));

    AnalysisReport report = analyzer(new Budget(1.0, 30, 0.05)).analyze(video, AnalysisRequest.local("v2").withRemote());

    assertThat(report.remote()).isEqualTo(RemoteStatus.BUDGET_REACHED);
    assertThat(report.remoteReason()).startsWith("daily budget $1.0000 reached ($1.0000 spent today, UTC)");
    assertThat(report.ocr()).isNotEmpty();
    assertThat(vision.requestCount()).isZero();
    assertThat(whisper.requests()).isEmpty();
  }

  @Test
  void yesterdaysSpendingDoesNotCountAgainstTodaysBudgetButAgainstTheMonths() throws Exception {
    ledger.record(new CostRecord("old", "x", "vision", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5.0,
        Instant.parse("2026-12-04T23:59:00Z")));

    assertThat(analyzer(new Budget(1, 30, 1)).analyze(video, AnalysisRequest.local("v3").withRemote()).remote())
        .isEqualTo(RemoteStatus.DONE);
    assertThat(analyzer(new Budget(1, 5, 1)).analyze(video, AnalysisRequest.local("v4").withRemote()).remoteReason())
        .startsWith("monthly budget $5.0000 reached");
  }

  @Test
  void thePerVideoCapStopsTheCallsAfterItIsReached() throws Exception {
    AnalysisReport report = analyzer(new Budget(10, 100, 0.0005)).analyze(video,
        request("v5"));

    assertThat(report.remote()).isEqualTo(RemoteStatus.BUDGET_REACHED);
    assertThat(report.remoteReason()).startsWith("per-video cap $0.0005 reached");
    assertThat(report.costs()).hasSize(2); // vision (1 s) then one window (2 s): $0.00093 >= cap
    assertThat(report.description()).isPresent();
  }

  @Test
  void aBackendThatIsDownMakesTheVideoWaitAndKeepsWhatWasPaidFor() throws Exception {
    whisper.close();

    AnalysisReport report = analyzer(Budget.UNLIMITED).analyze(video, AnalysisRequest.local("v6").withRemote());

    assertThat(report.remote()).isEqualTo(RemoteStatus.WAITING_FOR_BACKEND);
    assertThat(report.remoteReason()).contains("runpod-whisper is unavailable");
    assertThat(report.description()).isPresent();
    assertThat(report.costs()).hasSize(1);
    assertThat(ledger.recordsOf("v6")).hasSize(1);
  }

  @Test
  void withoutBackendsARemoteRequestSaysSo() throws Exception {
    var local = ContentAnalyzer.builder().ocr(() -> new TitleCardReader(dir.resolve("tessdata"))).build();

    AnalysisReport report = local.analyze(video, AnalysisRequest.local("v7").withRemote());

    assertThat(report.remote()).isEqualTo(RemoteStatus.NOT_CONFIGURED);
    assertThat(report.costs()).isEmpty();
  }
}
