package org.videoorganizer.daemon.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Decides when a file is complete: its size and mtime were observed unchanged for the window.
 * Measured on our own monotonic clock, so a wrong mtime (clock skew) cannot make a file look old.
 */
final class Stability {

  private record Seen(long size, long mtimeMs, long sinceNanos) {}

  private final Map<String, Seen> seen = new HashMap<>();
  private final long windowNanos;
  private final LongSupplier nanoTime;

  Stability(long windowMillis, LongSupplier nanoTime) {
    this.windowNanos = windowMillis * 1_000_000L;
    this.nanoTime = nanoTime;
  }

  /** Records an observation; true when the file has not changed for the whole window. */
  boolean observe(String path, long size, long mtimeMs) {
    long now = nanoTime.getAsLong();
    Seen before = seen.get(path);
    if (before == null || before.size != size || before.mtimeMs != mtimeMs) {
      seen.put(path, new Seen(size, mtimeMs, now));
      return windowNanos == 0;
    }
    return now - before.sinceNanos >= windowNanos;
  }

  /** Forgets files no longer present, or already handed on. */
  void retainOnly(Set<String> paths) {
    seen.keySet().retainAll(paths);
  }

  int waiting() {
    return seen.size();
  }
}
