package org.videoorganizer.jellyfin.announce;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.JellyfinException;

/**
 * Tells Jellyfin which paths changed, with {@code POST /Library/Media/Updated}: paths arriving
 * together are debounced into one call (at most {@code announceBatchSize} paths each), and a
 * failed call is retried with exponential backoff until Jellyfin takes it. Never asks for a
 * whole-library refresh.
 */
public final class Announcer {

  private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

  private final Vertx vertx;
  private final JellyfinClient client;
  private final JellyfinSettings settings;
  private final Duration retryBase;
  private final Duration retryMax;
  private final Map<String, List<Promise<Void>>> waiting = new LinkedHashMap<>();
  private long timer = -1;
  private long firstWaitingNanos;
  private boolean inFlight;
  private int failures;
  private Optional<String> lastError = Optional.empty();
  private long calls;

  /** Retries after 1 s, 2 s, 4 s, ... up to one minute. */
  public Announcer(Vertx vertx, JellyfinClient client) {
    this(vertx, client, Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  public Announcer(Vertx vertx, JellyfinClient client, Duration retryBase, Duration retryMax) {
    if (retryBase.isNegative() || retryBase.isZero() || retryMax.compareTo(retryBase) < 0) {
      throw new IllegalArgumentException("announce retry needs 0 < base <= max, got base=" + retryBase + " max=" + retryMax);
    }
    this.vertx = vertx;
    this.client = client;
    this.settings = client.settings();
    this.retryBase = retryBase;
    this.retryMax = retryMax;
  }

  /**
   * Queues a published file or folder (as the daemon sees it). The future completes when
   * Jellyfin accepted an announcement holding it; it fails at once when the path map has no
   * rule for the path.
   */
  public Future<Void> announce(Path published) {
    Optional<String> remote = settings.pathMap().toJellyfin(published);
    if (remote.isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("cannot announce " + published
          + ": Jellyfin does not see this path: no rule of "
          + JellyfinSettings.PATH_MAP_SETTING + " covers it; add one like /local/folder=/folder/as/jellyfin/sees/it"));
    }
    Promise<Void> promise = Promise.promise();
    synchronized (this) {
      if (waiting.isEmpty()) {
        firstWaitingNanos = System.nanoTime();
      }
      waiting.computeIfAbsent(remote.get(), p -> new ArrayList<>()).add(promise);
      if (!inFlight && failures == 0) {
        scheduleFlush(debounceDelayMillis());
      }
    }
    return promise.future();
  }

  /** How many distinct paths wait for an announcement. */
  public synchronized int pending() {
    return waiting.size();
  }

  /** How many {@code Media/Updated} calls were made, successful or not. */
  public synchronized long calls() {
    return calls;
  }

  /** The last failure, while Jellyfin keeps refusing; empty once a call succeeded. */
  public synchronized Optional<String> lastError() {
    return lastError;
  }

  private long debounceDelayMillis() {
    long waited = Duration.ofNanos(System.nanoTime() - firstWaitingNanos).toMillis();
    long untilMax = settings.announceMaxDelay().toMillis() - waited;
    return Math.max(1, Math.min(settings.announceDebounce().toMillis(), untilMax));
  }

  private void scheduleFlush(long delayMillis) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    timer = vertx.setTimer(delayMillis, t -> flush());
  }

  private void flush() {
    Map<String, List<Promise<Void>>> batch = new LinkedHashMap<>();
    synchronized (this) {
      timer = -1;
      if (inFlight || waiting.isEmpty()) {
        return;
      }
      var it = waiting.entrySet().iterator();
      while (it.hasNext() && batch.size() < settings.announceBatchSize()) {
        var e = it.next();
        batch.put(e.getKey(), e.getValue());
        it.remove();
      }
      inFlight = true;
      calls++;
    }
    client.reportMediaUpdated(List.copyOf(batch.keySet()))
        .onSuccess(v -> succeeded(batch))
        .onFailure(e -> failed(batch, e));
  }

  private void succeeded(Map<String, List<Promise<Void>>> batch) {
    synchronized (this) {
      if (failures > 0) {
        LOG.info("Jellyfin accepts announcements again after {} failed attempts", failures);
      }
      inFlight = false;
      failures = 0;
      lastError = Optional.empty();
      if (!waiting.isEmpty()) {
        firstWaitingNanos = System.nanoTime();
        scheduleFlush(waiting.size() >= settings.announceBatchSize() ? 1 : debounceDelayMillis());
      }
    }
    LOG.debug("announced {} paths to Jellyfin", batch.size());
    batch.values().forEach(promises -> promises.forEach(Promise::tryComplete));
  }

  private void failed(Map<String, List<Promise<Void>>> batch, Throwable e) {
    synchronized (this) {
      Map<String, List<Promise<Void>>> requeued = new LinkedHashMap<>(batch);
      waiting.forEach((path, promises) -> requeued.merge(path, promises, Announcer::concat));
      waiting.clear();
      waiting.putAll(requeued);
      inFlight = false;
      failures++;
      lastError = Optional.of(e.getMessage());
      long delay = backoffMillis(failures);
      logFailure(e, batch.size(), delay);
      scheduleFlush(delay);
    }
  }

  private long backoffMillis(int attempt) {
    long factor = 1L << Math.min(attempt - 1, 20);
    return Math.min(retryMax.toMillis(), retryBase.toMillis() * factor);
  }

  private void logFailure(Throwable e, int paths, long delayMillis) {
    boolean retryable = !(e instanceof JellyfinException j) || j.isRetryable();
    if (failures == 1 || !retryable) {
      LOG.warn("announcing {} paths to Jellyfin failed, retrying in {} ms: {}", paths, delayMillis, e.getMessage());
    } else {
      LOG.debug("announce attempt {} failed, retrying in {} ms: {}", failures, delayMillis, e.getMessage());
    }
  }

  private static List<Promise<Void>> concat(List<Promise<Void>> a, List<Promise<Void>> b) {
    List<Promise<Void>> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
