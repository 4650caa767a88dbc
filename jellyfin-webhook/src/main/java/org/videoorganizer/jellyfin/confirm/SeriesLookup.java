package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.JellyfinItem;

/**
 * Reads series items for episodes being checked: the look-ups of a short window go out as one
 * {@code GET /Items?ids=a,b&fields=ProviderIds}, and a series read is kept for {@link #TTL}, so
 * a season of episodes costs one call. {@link #forget} drops a series after correcting it.
 */
final class SeriesLookup {

  static final long WINDOW_MILLIS = 10;
  static final Duration TTL = Duration.ofSeconds(2);

  private record Cached(Future<Optional<JellyfinItem>> series, Instant at) {}

  private final JellyfinClient client;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final IdWindow<Promise<Optional<JellyfinItem>>> window;

  SeriesLookup(Vertx vertx, JellyfinClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.window = new IdWindow<>(vertx, WINDOW_MILLIS, this::read);
  }

  /** The series item with its provider ids; empty when Jellyfin does not have it. */
  synchronized Future<Optional<JellyfinItem>> series(String seriesId) {
    Instant now = clock.instant();
    Cached hit = cache.get(seriesId);
    if (hit != null && (!hit.series().isComplete() || hit.at().plus(TTL).isAfter(now))) {
      return hit.series();
    }
    Promise<Optional<JellyfinItem>> promise = Promise.promise();
    cache.put(seriesId, new Cached(promise.future(), now));
    promise.future().onFailure(e -> cache.remove(seriesId));
    window.put(seriesId, waiting -> promise);
    return promise.future();
  }

  synchronized void forget(String seriesId) {
    cache.remove(seriesId);
  }

  private void read(Map<String, Promise<Optional<JellyfinItem>>> batch) {
    client.series(List.copyOf(batch.keySet())).onComplete(ar -> batch.forEach((id, p) -> {
      if (ar.succeeded()) {
        p.tryComplete(ar.result().stream().filter(i -> i.id().equals(id)).findFirst());
      } else {
        p.tryFail(ar.cause());
      }
    }));
  }
}
