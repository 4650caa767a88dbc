package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.JellyfinException;

/**
 * Sends corrections ({@code RemoteSearch/Apply} with our TMDB id) and records how they went, each
 * on its own virtual thread. Jellyfin answers an Apply only after the whole metadata and image
 * refresh it starts, minutes for a series with many episodes, so the loop never waits on one: one
 * Apply per item at a time, and a series corrected a moment ago is not corrected again within
 * {@link SeriesLookup#TTL}. An Apply without an answer within {@code applyTimeout} is under way,
 * not failed: Jellyfin finishes it anyway, so it is not sent again at once. A stop interrupts the
 * waiting threads; the record stays as saved before the Apply (mismatched, with its next check).
 */
final class Corrections {

  private static final Logger LOG = LoggerFactory.getLogger(Corrections.class);
  // How much longer than the client's own Apply timeout a waiter waits for its outcome.
  private static final Duration APPLY_SLACK = Duration.ofMinutes(1);

  /** An Apply sent to a series, with when it finished (on success). */
  private record SeriesApply(Future<Boolean> applied, Future<Instant> finished) {}

  private final JellyfinClient client;
  private final ConfirmationStore store;
  private final Clock clock;
  private final SeriesLookup seriesLookup;
  private final BiFunction<Confirmation, Instant, Instant> nextCheck;
  private final Duration recheck;
  private final Runnable saved;
  private final Map<String, Future<Boolean>> running = new ConcurrentHashMap<>();
  private final Map<String, SeriesApply> recentSeries = new ConcurrentHashMap<>();
  private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;

  /**
   * @param nextCheck when to look again at a video after a failed or unanswered Apply
   * @param recheck how soon to look again after an answered Apply
   * @param saved told after an outcome was saved (its next check may come before the loop's)
   */
  Corrections(JellyfinClient client, ConfirmationStore store, Clock clock, SeriesLookup seriesLookup,
      BiFunction<Confirmation, Instant, Instant> nextCheck, Duration recheck, Runnable saved) {
    this.client = client;
    this.store = store;
    this.clock = clock;
    this.seriesLookup = seriesLookup;
    this.nextCheck = nextCheck;
    this.recheck = recheck;
    this.saved = saved;
  }

  /** Corrects the item of {@code marked} (saved as mismatched) in the background; {@code what}: "TMDB 1". */
  void item(Confirmation marked, String itemId, String what) {
    record(marked, apply(itemId, marked.expectedTmdbId()), what, "correction", Optional.empty());
  }

  /** Corrects a series; the episodes of one series share one Apply. */
  synchronized void series(Confirmation marked, String seriesId, String what) {
    Instant now = clock.instant();
    recentSeries.values().removeIf(r -> !covers(r, now));
    SeriesApply recent = recentSeries.computeIfAbsent(seriesId, id -> {
      Future<Boolean> applied = apply(id, marked.expectedTmdbId());
      return new SeriesApply(applied, applied.map(answered -> clock.instant()));
    });
    record(marked, recent.applied(), what, "series correction", Optional.of(seriesId));
  }

  /** Interrupts the threads waiting for an Apply; nothing new starts afterwards. */
  void stop() {
    stopped = true;
    waiting.forEach(Thread::interrupt);
  }

  // An Apply under way, or answered within the TTL, covers its series; a failed one does not.
  private static boolean covers(SeriesApply r, Instant now) {
    return !r.finished().isComplete()
        || r.finished().succeeded() && r.finished().result().plus(SeriesLookup.TTL).isAfter(now);
  }

  private void record(Confirmation marked, Future<Boolean> applied, String what, String kind, Optional<String> series) {
    if (stopped) {
      return;
    }
    Thread t = Thread.ofVirtual().name("vorg-jellyfin-correct").unstarted(() -> {
      try {
        recordNow(marked, applied, what, kind, series);
      } finally {
        waiting.remove(Thread.currentThread());
      }
    });
    waiting.add(t);
    t.start();
  }

  private void recordNow(Confirmation marked, Future<Boolean> applied, String what, String kind,
      Optional<String> series) {
    Confirmation outcome;
    try {
      long wait = client.settings().applyTimeout().plus(APPLY_SLACK).toMillis();
      outcome = corrected(marked, Blocking.await(applied, wait, TimeUnit.MILLISECONDS), what);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        return; // stopping: the record stays mismatched with its next check, looked at after the restart
      }
      Instant at = clock.instant();
      outcome = marked.withState(ConfirmationState.MISMATCHED, at, Optional.of(nextCheck.apply(marked, at)),
          kind + " failed, will retry: " + e.getMessage());
    } finally {
      series.ifPresent(seriesLookup::forget);
    }
    try {
      Blocking.awaitThroughInterrupts(store.save(outcome));
      saved.run();
    } catch (RuntimeException e) {
      LOG.warn("{}: the outcome of the {} was not saved: {}", marked.localPath(), kind, e.getMessage());
    }
  }

  /** True when Jellyfin answered, false when it is still refreshing after {@code applyTimeout}. */
  private synchronized Future<Boolean> apply(String itemId, String tmdbId) {
    Future<Boolean> under = running.get(itemId);
    if (under != null) {
      return under;
    }
    Future<Boolean> started = client.applyTmdbId(itemId, tmdbId).map(true).recover(e ->
        e instanceof JellyfinException j && j.kind() == JellyfinException.Kind.TIMEOUT
            ? Future.succeededFuture(false) : Future.failedFuture(e));
    running.put(itemId, started);
    started.onComplete(ar -> running.remove(itemId, started));
    return started;
  }

  private Confirmation corrected(Confirmation marked, boolean answered, String what) {
    Instant at = clock.instant();
    String to = " to " + marked.expectedTmdbId();
    return answered
        ? marked.withCorrection().withState(ConfirmationState.MISMATCHED, at, Optional.of(at.plus(recheck)),
            "corrected " + what + to + "; checking again")
        : marked.withCorrection().withState(ConfirmationState.MISMATCHED, at,
            Optional.of(nextCheck.apply(marked, at)), "correcting " + what + to + ": Jellyfin did not answer within "
                + client.settings().applyTimeout() + " and is still refreshing; checking again later");
  }
}
