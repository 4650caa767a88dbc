package org.videoorganizer.daemon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.videoorganizer.config.VorgConfig.AlertsConfig;
import org.videoorganizer.daemon.ops.Readiness.Check;
import org.videoorganizer.daemon.store.OpsQuery.Figures;
import org.videoorganizer.daemon.testsupport.StepClock;

/**
 * Every alert reaches a receiving server on loopback once, and not again within its rate limit;
 * the loop checks on its own thread against the injected clock and ends at the stop.
 */
class AlertMonitorTest {

  record Received(String contentType, String title, String body) {}

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final StepClock clock = new StepClock(Instant.parse("2026-12-05T10:00:00Z"));
  private final AlertsConfig config = new AlertsConfig(Optional.empty(), "generic", Duration.ofMinutes(10), 2, 3,
      Duration.ofHours(1));

  @BeforeEach
  void receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      received.add(new Received(ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Title"),
          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/refuse") ? 500 : 200, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static Figures figures(long failed, long review, long mismatched) {
    return figures(failed, review, mismatched, 0);
  }

  private static Figures figures(long failed, long review, long mismatched, long budgetStops) {
    return new Figures(Map.of("failed", failed, "needs_review", review, "organized", 10L), Map.of(), 0, 0, 0, 0.42,
        budgetStops, Map.of("mismatched", mismatched, "confirmed", 5L), List.of());
  }

  private static final List<Check> ALL_DOWN = List.of(new Check("library", "down", "/srv/media is not a folder"),
      new Check("source:gdrive", "down", "marker missing"), new Check("database", "ok", ""),
      new Check("jellyfin", "down", "refused"));

  private void evaluateAndSend(AlertMonitor monitor, Notifier notifier, Figures f, List<Check> checks) {
    AlertLoop.sendAll(notifier, monitor.evaluate(f, checks)).join();
  }

  @Test
  void everyAlertIsSentOnceAndNotRepeatedWithinItsRateLimit() {
    AlertMonitor monitor = new AlertMonitor(config, clock);
    Notifier notifier = new Notifier(url("/hook"), "generic", config.rateLimit(), clock);

    evaluateAndSend(monitor, notifier, figures(2, 3, 0), ALL_DOWN);
    assertThat(received).as("at the thresholds and before unreachable_for, nothing").isEmpty();

    clock.advance(Duration.ofMinutes(10));
    evaluateAndSend(monitor, notifier, figures(3, 4, 1), ALL_DOWN);
    assertThat(received).extracting(r -> new JsonObject(r.body()).getString("key")).containsExactlyInAnyOrder(
        "unreachable:library", "unreachable:source:gdrive", "failures", "review", "jellyfin-mismatched");
    assertThat(received).allSatisfy(r -> assertThat(r.contentType()).isEqualTo("application/json"));
    assertThat(received).extracting(Received::body).anySatisfy(b -> assertThat(b).contains("3 videos failed"))
        .anySatisfy(b -> assertThat(b).contains("/srv/media is not a folder").contains("2026-12-05T10:00:00Z"));

    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(10)); // 59 minutes after the first send at most
      evaluateAndSend(monitor, notifier, figures(30, 40, 2), ALL_DOWN);
    }
    assertThat(received).as("nothing repeated within the hour").hasSize(5);

    clock.advance(Duration.ofMinutes(10));
    evaluateAndSend(monitor, notifier, figures(30, 0, 0), List.of(new Check("library", "ok", "")));
    assertThat(received).as("after the rate limit only what still holds").hasSize(6);
    assertThat(new JsonObject(received.get(5).body()).getString("key")).isEqualTo("failures");
  }

  @Test
  void aSourceBackBeforeUnreachableForIsNotAlertedAndItsClockStartsAgain() {
    AlertMonitor monitor = new AlertMonitor(config, clock);
    Notifier notifier = new Notifier(url("/hook"), "generic", config.rateLimit(), clock);
    List<Check> down = List.of(new Check("source:in", "down", "x"));
    evaluateAndSend(monitor, notifier, figures(0, 0, 0), down);
    clock.advance(Duration.ofMinutes(9));
    evaluateAndSend(monitor, notifier, figures(0, 0, 0), List.of(new Check("source:in", "ok", "")));
    clock.advance(Duration.ofMinutes(2));
    evaluateAndSend(monitor, notifier, figures(0, 0, 0), down);
    assertThat(received).isEmpty();
    clock.advance(Duration.ofMinutes(10));
    evaluateAndSend(monitor, notifier, figures(0, 0, 0), down);
    assertThat(received).hasSize(1);
  }

  @Test
  void remoteAnalysisStoppedByABudgetIsAlertedWithTheKeysToRaise() {
    AlertMonitor monitor = new AlertMonitor(config, clock);
    Notifier notifier = new Notifier(url("/hook"), "generic", config.rateLimit(), clock);
    evaluateAndSend(monitor, notifier, figures(0, 0, 0, 0), List.of());
    assertThat(received).isEmpty();
    evaluateAndSend(monitor, notifier, figures(0, 0, 0, 3), List.of());
    assertThat(received).singleElement().satisfies(r -> {
      JsonObject body = new JsonObject(r.body());
      assertThat(body.getString("key")).isEqualTo("analysis-budget");
      assertThat(body.encode()).contains("3 video(s)", "analysis.daily_budget_usd");
    });
  }

  @Test
  void anUndeliveredAlertIsTriedAgainAtTheNextCheck() {
    AlertMonitor monitor = new AlertMonitor(config, clock);
    Notifier refused = new Notifier(url("/refuse"), "generic", config.rateLimit(), clock);
    evaluateAndSend(monitor, refused, figures(3, 0, 0), List.of());
    evaluateAndSend(monitor, refused, figures(3, 0, 0), List.of());
    assertThat(received).as("a 500 does not count as sent").hasSize(2);
  }

  // Each check takes one step from the test first (in the loop's thread), so the test moves the
  // clock between checks and knows a check finished when the loop takes the next step.
  private static Supplier<Future<Figures>> stepped(SynchronousQueue<Runnable> steps) {
    return () -> {
      try {
        steps.take().run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("stopped", e);
      }
      return Future.succeededFuture(figures(0, 0, 0));
    };
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void theLoopAlertsOnceTheInjectedClockPassedUnreachableForAndEndsAtTheStopMidCheck() throws InterruptedException {
    SynchronousQueue<Runnable> steps = new SynchronousQueue<>();
    List<Check> libraryDown = List.of(new Check("library", "down", "/srv/media is not a folder"));
    AlertLoop loop = new AlertLoop(new AlertMonitor(config, clock), new Notifier(url("/hook"), "generic", config.rateLimit(),
        clock), stepped(steps), () -> Future.succeededFuture(libraryDown), Duration.ofMillis(1)).start();

    steps.put(() -> { }); // down since 10:00
    steps.put(() -> clock.advance(Duration.ofMinutes(9)));
    steps.put(() -> clock.advance(Duration.ofMinutes(1)));
    assertThat(received).as("down for 9 minutes of the clock: not yet").isEmpty();
    steps.put(() -> { });
    assertThat(received).extracting(r -> new JsonObject(r.body()).getString("key")).containsExactly("unreachable:library");

    loop.stop(); // the loop waits inside its next check: the stop ends that too
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void theStopEndsTheWaitBetweenChecksAndACheckWaitingForTheStore() throws InterruptedException {
    new AlertLoop(new AlertMonitor(config, clock), new Notifier(url("/hook"), "generic", config.rateLimit(), clock),
        () -> Future.succeededFuture(figures(3, 0, 0)), () -> Future.succeededFuture(List.of()), Duration.ofHours(1))
        .start().stop();
    CountDownLatch asked = new CountDownLatch(1);
    AlertLoop waiting = new AlertLoop(new AlertMonitor(config, clock), new Notifier(url("/hook"), "generic",
        config.rateLimit(), clock), () -> {
          asked.countDown();
          return Promise.<Figures>promise().future(); // a database that never answers
        }, () -> Future.succeededFuture(List.of()), Duration.ofMillis(1)).start();
    asked.await();
    waiting.stop();
    assertThat(received).as("the first waited an hour for its first check, the second never got its figures").isEmpty();
  }

  @Test
  void eachTemplateSendsWhatItsReceiverReads() {
    Alert a = new Alert("failures", "vorg: 3 videos failed", "3 videos are failed");
    for (String t : List.of("ntfy", "gotify", "discord", "apprise")) {
      new Notifier(url("/" + t), t, Duration.ofHours(1), clock).send(a).join();
    }
    assertThat(received.get(0)).isEqualTo(new Received("text/plain; charset=utf-8", "vorg: 3 videos failed", "3 videos are failed"));
    assertThat(new JsonObject(received.get(1).body()).getMap())
        .containsEntry("title", "vorg: 3 videos failed").containsEntry("message", "3 videos are failed").containsKey("priority");
    assertThat(new JsonObject(received.get(2).body()).getString("content")).isEqualTo("**vorg: 3 videos failed**\n3 videos are failed");
    assertThat(new JsonObject(received.get(3).body()).getMap()).containsEntry("title", "vorg: 3 videos failed")
        .containsEntry("body", "3 videos are failed").containsEntry("type", "warning");
  }
}
