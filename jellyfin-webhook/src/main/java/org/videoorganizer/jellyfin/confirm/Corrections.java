package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.JellyfinException;

/**
 * Sends corrections ({@code RemoteSearch/Apply} with our TMDB id) and records how they went, in
 * the background. Jellyfin answers an Apply only after the whole metadata and image refresh it
 * starts, minutes for a series with many episodes, so the loop never waits on one: one Apply per
 * item at a time, and a series corrected a moment ago is not corrected again within
 * {@link SeriesLookup#TTL}. An Apply without an answer within {@code applyTimeout} is under way,
 * not failed: Jellyfin finishes it anyway, so it is not sent again at once.
 */
final class Corrections {

  private static final Logger LOG = LoggerFactory.getLogger(Corrections.class);

  private final Vertx vertx;
  private final JellyfinClient client;
  private final ConfirmationStore store;
  private final Clock clock;
  private final SeriesLookup seriesLookup;
  private final BiFunction<Confirmation, Instant, Instant> nextCheck;
  private final Duration recheck;
  private final Map<String, Future<Boolean>> running = new ConcurrentHashMap<>();
  private final Map<String, Future<Boolean>> recentSeries = new ConcurrentHashMap<>();

  /**
   * @param nextCheck when to look again at a video after a failed or unanswered Apply
   * @param recheck how soon to look again after an answered Apply
   */
  Corrections(Vertx vertx, JellyfinClient client, ConfirmationStore store, Clock clock, SeriesLookup seriesLookup,
      BiFunction<Confirmation, Instant, Instant> nextCheck, Duration recheck) {
    this.vertx = vertx;
    this.client = client;
    this.store = store;
    this.clock = clock;
    this.seriesLookup = seriesLookup;
    this.nextCheck = nextCheck;
    this.recheck = recheck;
  }

  /** Corrects the item of {@code marked} (saved as mismatched) in the background; {@code what}: "TMDB 1". */
  void item(Confirmation marked, String itemId, String what) {
    record(marked, apply(itemId, marked.expectedTmdbId()), what, "correction");
  }

  /** Corrects a series; the episodes of one series share one Apply. */
  void series(Confirmation marked, String seriesId, String what) {
    Future<Boolean> recent = recentSeries.get(seriesId);
    if (recent == null) {
      Future<Boolean> started = apply(seriesId, marked.expectedTmdbId());
      recentSeries.put(seriesId, started);
      recent = started.andThen(ar -> {
        seriesLookup.forget(seriesId);
        if (ar.failed()) {
          recentSeries.remove(seriesId, started);
        } else {
          vertx.setTimer(SeriesLookup.TTL.toMillis(), t -> recentSeries.remove(seriesId, started));
        }
      });
    }
    record(marked, recent, what, "series correction");
  }

  private void record(Confirmation marked, Future<Boolean> applied, String what, String kind) {
    applied.compose(answered -> store.save(corrected(marked, answered, what)))
        .recover(e -> store.save(marked.withState(ConfirmationState.MISMATCHED, clock.instant(),
            Optional.of(nextCheck.apply(marked, clock.instant())), kind + " failed, will retry: " + e.getMessage())))
        .onFailure(e -> LOG.warn("{}: the outcome of the {} was not saved: {}", marked.localPath(), kind,
            e.getMessage()));
  }

  /** True when Jellyfin answered, false when it is still refreshing after {@code applyTimeout}. */
  private Future<Boolean> apply(String itemId, String tmdbId) {
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
