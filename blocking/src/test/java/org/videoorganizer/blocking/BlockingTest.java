package org.videoorganizer.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockingTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    Blocking.await(vertx.close());
  }

  @Test
  void awaitGivesTheValueAndRethrowsTheFailureAsIs() {
    assertThat(Blocking.await(Future.succeededFuture("x"))).isEqualTo("x");
    assertThatThrownBy(() -> Blocking.await(Future.failedFuture(new IllegalArgumentException("bad"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
  }

  @Test
  void workOnAVirtualThreadCompletesBackOnTheCallersContext() throws Exception {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<String> seen = new CompletableFuture<>();
    context.runOnContext(v -> Blocking.onVirtualThread("test-work", () -> Thread.currentThread().isVirtual() + " "
            + Thread.currentThread().getName())
        .onComplete(ar -> seen.complete(ar.result() + " completed on caller: " + (Vertx.currentContext() == context))));

    assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("true test-work completed on caller: true");
  }

  @Test
  void aFailureOfTheWorkFailsTheFuture() {
    Future<Object> f = Blocking.onVirtualThread("test-fail", () -> {
      throw new IllegalStateException("no disk");
    });

    assertThatThrownBy(() -> Blocking.await(f)).isInstanceOf(IllegalStateException.class).hasMessage("no disk");
  }

  @Test
  void theWorkMayWaitForAVertxFuture() {
    Promise<Integer> later = Promise.promise();
    Future<Integer> f = Blocking.onVirtualThread("test-await", () -> Blocking.await(later.future()) + 1);
    vertx.runOnContext(v -> later.complete(41));

    assertThat(Blocking.await(f)).isEqualTo(42);
  }

  @Test
  void aSignalBetweenTheMarkAndTheWaitIsNotLost() throws InterruptedException {
    Wakeup wakeup = new Wakeup();
    long mark = wakeup.mark();
    wakeup.signal();

    assertThat(wakeup.awaitAfter(mark, Duration.ofMinutes(1))).isTrue();
    assertThat(wakeup.awaitAfter(wakeup.mark(), Duration.ZERO)).as("no signal since the new mark").isFalse();
  }
}
