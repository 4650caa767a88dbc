package org.videoorganizer.jellyfin.confirm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.JellyfinItem;

/**
 * Reads series items for the episodes of one round of checks: the series of the round go out as
 * one {@code GET /Items?ids=a,b&fields=ProviderIds} (at most {@link ConfirmationLoop#MAX_IDS} ids
 * a call), and a series read is kept for {@link #TTL}, so a season of episodes costs one call.
 * {@link #forget} drops a series after correcting it. Blocking: called on the loop's thread.
 */
final class SeriesLookup {

  static final Duration TTL = Duration.ofSeconds(2);

  private record Cached(Optional<JellyfinItem> series, Instant at) {}

  private final JellyfinClient client;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  SeriesLookup(JellyfinClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Reads those of {@code seriesIds} not read within {@link #TTL}, in as few calls as the batch size allows. */
  void read(Collection<String> seriesIds) {
    Instant now = clock.instant();
    List<String> missing = seriesIds.stream().distinct().filter(id -> !fresh(id, now)).toList();
    for (int from = 0; from < missing.size(); from += ConfirmationLoop.MAX_IDS) {
      List<String> chunk = missing.subList(from, Math.min(missing.size(), from + ConfirmationLoop.MAX_IDS));
      Map<String, JellyfinItem> found = new HashMap<>();
      Blocking.await(client.series(chunk)).forEach(i -> found.put(i.id(), i));
      chunk.forEach(id -> cache.put(id, new Cached(Optional.ofNullable(found.get(id)), now)));
    }
  }

  /** The series item with its provider ids; empty when Jellyfin does not have it. */
  Optional<JellyfinItem> series(String seriesId) {
    if (!fresh(seriesId, clock.instant())) {
      read(List.of(seriesId));
    }
    return cache.get(seriesId).series();
  }

  void forget(String seriesId) {
    cache.remove(seriesId);
  }

  private boolean fresh(String seriesId, Instant now) {
    Cached hit = cache.get(seriesId);
    return hit != null && hit.at().plus(TTL).isAfter(now);
  }
}
