package org.videoorganizer.gpu.extract;

import java.time.Duration;

/** Time stamps as people read them. */
final class Clock {

  private Clock() {}

  /** {@code 01:02:03} */
  static String hms(Duration d) {
    long s = d.toSeconds();
    return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
