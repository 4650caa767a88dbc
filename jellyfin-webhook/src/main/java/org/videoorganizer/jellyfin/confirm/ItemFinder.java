package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.JellyfinItem;

/**
 * Finds the Jellyfin items for due checks: by item id where known, otherwise among the newest
 * movies and episodes by path (Jellyfin has no path filter on {@code /Items}).
 */
final class ItemFinder {

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
      return client.recentlyAdded(limit).map(recent -> {
        recent.forEach(i -> i.path().ifPresent(p -> found.putIfAbsent(p, i)));
        return found;
      });
    });
  }
}
