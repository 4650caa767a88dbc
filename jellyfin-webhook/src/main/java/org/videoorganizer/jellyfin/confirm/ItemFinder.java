package org.videoorganizer.jellyfin.confirm;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.JellyfinItem;

/**
 * Finds the Jellyfin items for due checks: by item id where known, otherwise by path among the
 * movies and episodes Jellyfin saved since the oldest of them was announced (Jellyfin has no path
 * filter on {@code /Items}, and {@code DateCreated} is the file's time, not when Jellyfin added it).
 * Blocking: called on the confirmation loop's thread.
 */
final class ItemFinder {

  /** Allowance for the daemon's and Jellyfin's clocks disagreeing. */
  static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

  private final JellyfinClient client;

  ItemFinder(JellyfinClient client) {
    this.client = client;
  }

  /** Items keyed by their Jellyfin path, for those of {@code due} that Jellyfin has. */
  Map<String, JellyfinItem> find(List<Confirmation> due) {
    List<String> ids = due.stream().flatMap(c -> c.itemId().stream()).distinct().toList();
    Map<String, JellyfinItem> found = new HashMap<>();
    Blocking.await(client.items(ids)).forEach(i -> i.path().ifPresent(p -> found.put(p, i)));
    if (due.stream().allMatch(c -> found.containsKey(c.jellyfinPath()))) {
      return found;
    }
    int limit = Math.min(1000, Math.max(100, due.size() * 2));
    Instant since = due.stream().map(Confirmation::announcedAt).min(Instant::compareTo).orElseThrow()
        .minus(CLOCK_SLACK);
    Blocking.await(client.savedSince(since, limit)).forEach(i -> i.path().ifPresent(p -> found.putIfAbsent(p, i)));
    return found;
  }
}
