package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.JellyfinItem;

/**
 * Finds the Jellyfin items for due checks: by item id where known, otherwise by path among the
 * movies and episodes Jellyfin saved since the oldest of them was announced (Jellyfin has no path
 * filter on {@code /Items}, and {@code DateCreated} is the file's time, not when Jellyfin added it).
 */
final class ItemFinder {

  /** Allowance for the daemon's and Jellyfin's clocks disagreeing. */
  static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

  private final JellyfinClient client;

  ItemFinder(JellyfinClient client) {
    this.client = client;
  }

  /** Items keyed by their Jellyfin path, for those of {@code due} that Jellyfin has. */
  Future<Map<String, JellyfinItem>> find(List<Confirmation> due) {
    List<String> ids = due.stream().flatMap(c -> c.itemId().stream()).distinct().toList();
    return client.items(ids).compose(byId -> {
      Map<String, JellyfinItem> found = new HashMap<>();
      byId.forEach(i -> i.path().ifPresent(p -> found.put(p, i)));
      boolean rest = due.stream().anyMatch(c -> !found.containsKey(c.jellyfinPath()));
      if (!rest) {
        return Future.succeededFuture(found);
      }
      int limit = Math.min(1000, Math.max(100, due.size() * 2));
      Instant since = due.stream().map(Confirmation::announcedAt).min(Instant::compareTo).orElseThrow()
          .minus(CLOCK_SLACK);
      return client.savedSince(since, limit).map(recent -> {
        recent.forEach(i -> i.path().ifPresent(p -> found.putIfAbsent(p, i)));
        return found;
      });
    });
  }
}
