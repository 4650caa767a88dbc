package org.videoorganizer.jellyfin.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers delivery keys for a while, so the plugin's duplicate posts are recognized. */
final class RecentDeliveries {

  static final int MAX_KEYS = 10_000;

  private final Clock clock;
  private final Duration window;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  RecentDeliveries(Clock clock, Duration window) {
    this.clock = clock;
    this.window = window;
  }

  /** True the first time a key is seen within the window; false for a repeat. */
  synchronized boolean firstTime(String key) {
    Instant now = clock.instant();
    expire(now);
    if (seen.containsKey(key)) {
      return false;
    }
    seen.put(key, now);
    if (seen.size() > MAX_KEYS) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  synchronized void forget(String key) {
    seen.remove(key);
  }

  private void expire(Instant now) {
    Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().plus(window).isAfter(now)) {
        return;
      }
      it.remove();
    }
  }
}
