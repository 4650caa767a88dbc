package org.videoorganizer.jellyfin.fake;

import java.time.Duration;

/** The misbehaviour a test switched on. */
final class FakeFaults {

  private volatile Duration slow = Duration.ZERO;
  private volatile boolean garbage;
  private volatile int failWith;

  void slow(Duration d) {
    slow = d;
  }

  void garbage(boolean on) {
    garbage = on;
  }

  void failWith(int status) {
    failWith = status;
  }

  Duration slow() {
    return slow;
  }

  boolean garbage() {
    return garbage;
  }

  int failWith() {
    return failWith;
  }
}
