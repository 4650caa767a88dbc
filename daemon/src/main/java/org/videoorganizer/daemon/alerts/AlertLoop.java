package org.videoorganizer.daemon.alerts;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.blocking.Repeating;
import org.videoorganizer.daemon.ops.Readiness;
import org.videoorganizer.daemon.store.OpsQuery.Figures;

/**
 * The alert checks of one daemon, {@link Repeating} on one virtual thread: it waits {@code every}
 * (a wait the stop ends), reads the store's figures and the readiness checks, and sends what
 * {@link AlertMonitor} says holds, waiting for the sends before it waits again.
 */
public final class AlertLoop {

  private static final Logger log = LoggerFactory.getLogger(AlertLoop.class);

  private final AlertMonitor monitor;
  private final Notifier notifier;
  private final Supplier<Future<Figures>> figures;
  private final Supplier<Future<List<Readiness.Check>>> checks;
  private final Duration every;
  private boolean failing;
  private Repeating loop;

  AlertLoop(AlertMonitor monitor, Notifier notifier, Supplier<Future<Figures>> figures,
      Supplier<Future<List<Readiness.Check>>> checks, Duration every) {
    this.monitor = monitor;
    this.notifier = notifier;
    this.figures = figures;
    this.checks = checks;
    this.every = every;
  }

  AlertLoop start() {
    loop = Repeating.after("vorg-alerts", every, this::check);
    return this;
  }

  private void check() throws InterruptedException {
    try {
      sendAll(notifier, monitor.evaluate(Blocking.await(figures.get()), Blocking.await(checks.get()))).get();
      failing = false;
    } catch (ExecutionException | RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("stopped during an alert check");
      }
      if (!failing) {
        log.warn("alert check failed, tried again in {}s: {}", every.toSeconds(), e.toString());
      }
      failing = true;
    }
  }

  /** Sends each of {@code alerts} (the rate limit applies); completes when all were tried. */
  static CompletableFuture<Void> sendAll(Notifier notifier, List<Alert> alerts) {
    return CompletableFuture.allOf(alerts.stream().map(notifier::send).toArray(CompletableFuture[]::new));
  }

  /** Ends the loop, a check in progress included; returns when the thread ended. */
  public void stop() {
    loop.stop();
  }
}
