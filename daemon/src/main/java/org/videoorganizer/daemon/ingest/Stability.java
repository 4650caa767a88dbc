package org.videoorganizer.daemon.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides when a file is complete: its size and mtime were observed unchanged for the window.
 * Measured on the daemon's clock from when it first saw the file so, not from the mtime: a
 * wrong mtime (written by a host with another time) cannot make a file look old.
 */
final class Stability {

  private record Seen(long size, long mtimeMs, Instant since) {}

  private final Map<String, Seen> seen = new HashMap<>();
  private final Duration window;
  private final Clock clock;

  Stability(Duration window, Clock clock) {
    this.window = window;
    this.clock = clock;
  }

  /** Records an observation; true when the file has not changed for the whole window. */
  boolean observe(String path, long size, long mtimeMs) {
    Instant now = clock.instant();
    Seen before = seen.get(path);
    if (before == null || before.size != size || before.mtimeMs != mtimeMs) {
      seen.put(path, new Seen(size, mtimeMs, now));
      return window.isZero();
    }
    return Duration.between(before.since, now).compareTo(window) >= 0;
  }

  /** Forgets files no longer present, or already handed on. */
  void retainOnly(Set<String> paths) {
    seen.keySet().retainAll(paths);
  }

  int waiting() {
    return seen.size();
  }
}
