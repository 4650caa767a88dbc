package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.gpu.cost.Budget;
import org.videoorganizer.gpu.cost.CostRecord;
import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.cost.Usage;

/** The cost ledger over analysis_costs, as two daemons (or one after a restart) see it. */
@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCostLedgerTest {

  private final Vertx vertx = Vertx.vertx();
  private Database first;
  private Database second;
  private long a;
  private long b;

  @BeforeAll
  void open(TestServices.Env env) {
    first = Database.open(vertx, env.pgUrl(), 2).await();
    second = Database.open(vertx, env.pgUrl(), 2).await();
    VideoStore videos = new VideoStore(first.pool());
    videos.upsertSource("in", "/in").await();
    a = videos.discover("in", "VID_0001.mp4", "VID_0001.mp4", 10, 1).await().orElseThrow();
    b = videos.discover("in", "VID_0002.mp4", "VID_0002.mp4", 10, 1).await().orElseThrow();
  }

  @AfterAll
  void close() {
    first.close().await();
    second.close().await();
    vertx.close().await();
  }

  private static CostRecord runpodCall(long video, long executionMillis, Instant at) {
    return Pricing.perSecond("runpod-whisper", "RTX 4090 PRO", 0.00031)
        .bill(Long.toString(video), "transcription", new Usage(executionMillis + 900, executionMillis, 450, 0, 0, 60), at);
  }

  @Test
  void aRecordIsReadBackWithEveryFigure() {
    var ledger = new PostgresCostLedger(first.pool());
    Instant at = Instant.parse("2026-01-10T12:00:00.123456Z");
    CostRecord vision = new Pricing("vision", null, 0, 0.2, 0.6).bill(Long.toString(b), "vision",
        new Usage(8123, 8123, 0, 4200, 300, 0), at);
    ledger.record(vision);
    assertThat(ledger.recordsOf(Long.toString(b))).containsExactly(vision);
    assertThat(ledger.spentOn(Long.toString(b))).isEqualTo(vision.usd());
  }

  @Test
  void spendingAndBudgetsHoldAcrossDaemonsSharingTheDatabase() {
    var one = new PostgresCostLedger(first.pool());
    var other = new PostgresCostLedger(second.pool());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    one.record(runpodCall(a, 2400, now)); // 3 s billed: $0.00093
    other.record(runpodCall(a, 9100, now)); // 10 s billed: $0.0031
    assertThat(other.spentOn(Long.toString(a))).isCloseTo(0.00403, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(one.spentBetween(now, now.plusSeconds(1))).isCloseTo(0.00403, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(one.spentBetween(now.plusSeconds(1), now.plusSeconds(2))).isZero();
    Clock clock = Clock.fixed(now.plusSeconds(1), ZoneOffset.UTC);
    assertThat(new Budget(0.004, 20, 1).stop(other, Long.toString(a), clock))
        .as("the other daemon's call counts against today's budget")
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("daily budget $0.0040 reached ($0.0040"));
    assertThat(new Budget(1, 20, 0.004).stop(new PostgresCostLedger(first.pool()), Long.toString(a), clock))
        .as("a restarted daemon still knows what this video cost").hasValueSatisfying(r -> assertThat(r).startsWith("per-video cap"));
    assertThat(new Budget(1, 20, 0.004).stop(one, Long.toString(b), clock)).isEmpty();

    JsonObject summary = one.summary().await();
    assertThat(summary.getDouble("today_usd")).isCloseTo(0.00403, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(summary.getDouble("month_usd")).isGreaterThanOrEqualTo(0.00403);
    assertThat(summary.getLong("calls_today")).isEqualTo(2);
    JsonObject top = summary.getJsonArray("videos_this_month").getJsonObject(0);
    assertThat(top.getLong("video")).isEqualTo(a);
    assertThat(top.getString("path")).isEqualTo("VID_0001.mp4");
    assertThat(top.getLong("calls")).isEqualTo(2);
  }

  @Test
  void aKeyThatIsNoVideoIdIsRefusedWithTheFix() {
    var ledger = new PostgresCostLedger(first.pool());
    assertThatThrownBy(() -> ledger.spentOn("/srv/in/VID_0001.mp4")).hasMessageContaining("video id")
        .hasMessageContaining("/srv/in/VID_0001.mp4");
  }
}
