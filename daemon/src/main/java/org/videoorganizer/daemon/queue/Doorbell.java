package org.videoorganizer.daemon.queue;

import java.time.Duration;
import java.util.List;

/**
 * Tells workers that a job is ready. Only a hint: PostgreSQL stays the record, so a lost ring
 * delays a job (until the next poll) but never loses it, and a duplicate ring is harmless.
 */
interface Doorbell {

  /** Announces a committed job. Never throws: a failed ring is only a delay. */
  void ring(long jobId);

  /** Waits up to {@code wait} for at most {@code max} job ids (blocking; call on a virtual thread). */
  List<Long> next(int max, Duration wait) throws InterruptedException;

  /** The ids handed out by {@link #next} were dealt with (claimed, or already taken). */
  void done(List<Long> jobIds);

  /** False while the transport is down (the poller carries the load meanwhile). */
  boolean healthy();

  void close();
}
