package org.videoorganizer.core.tmdb;

import java.time.Duration;

/**
 * Requests per second shared by every thread using one client, plus a shared pause: after a 429
 * every thread waits out the Retry-After, not only the one that got it.
 */
final class RateBudget {

  private final long intervalNanos;
  private long nextSlot;
  private long pausedUntil;

  RateBudget(double permitsPerSecond) {
    if (!(permitsPerSecond > 0) || permitsPerSecond > 10_000) {
      throw new IllegalArgumentException(
          "rate budget must be between 0 (exclusive) and 10000 requests per second, got "
              + permitsPerSecond);
    }
    this.intervalNanos = (long) (1_000_000_000L / permitsPerSecond);
    long now = System.nanoTime();
    this.nextSlot = now;
    this.pausedUntil = now;
  }

  /** Blocks until this thread may send one request. */
  void acquire() throws InterruptedException {
    long waitNanos = reserve();
    if (waitNanos > 0) {
      Thread.sleep(Duration.ofNanos(waitNanos));
    }
  }

  /** Every thread waits at least this long before its next request. */
  synchronized void pauseFor(Duration pause) {
    long until = System.nanoTime() + pause.toNanos();
    if (until - pausedUntil > 0) {
      pausedUntil = until;
    }
  }

  private synchronized long reserve() {
    long now = System.nanoTime();
    long slot = latest(latest(nextSlot, now), pausedUntil);
    nextSlot = slot + intervalNanos;
    return slot - now;
  }

  private static long latest(long a, long b) {
    return a - b >= 0 ? a : b;
  }
}
