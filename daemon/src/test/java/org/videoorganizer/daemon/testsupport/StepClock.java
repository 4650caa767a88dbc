package org.videoorganizer.daemon.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until a test moves it: the daemon's time decisions made by hand. */
public final class StepClock extends Clock {

  private volatile Instant now;

  public StepClock(Instant start) {
    this.now = start;
  }

  public StepClock() {
    this(Instant.parse("2026-12-01T00:00:00Z"));
  }

  /** Moves the clock on by {@code d}. */
  public void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
