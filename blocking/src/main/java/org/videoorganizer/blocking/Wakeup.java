package org.videoorganizer.blocking;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a loop on a virtual thread waits on instead of sleeping: something changed (for the
 * dispatcher a slot freed, a pause lifted, a job finished; for the confirmation loop a new
 * expectation or webhook), or the stop began. A waiter reads {@link #mark()}, checks what it
 * waits for, then {@link #awaitAfter} that mark, so a signal between the check and the wait is
 * never lost. Waits are timed; a stop signals every one of them, so no waiter outlives the stop.
 */
public final class Wakeup {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long generation;

  /** The current generation, to pass to {@link #awaitAfter}. */
  public long mark() {
    lock.lock();
    try {
      return generation;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every waiter. */
  public void signal() {
    lock.lock();
    try {
      generation++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a {@link #signal} after {@code mark}, or {@code limit} passed (measured on the
   * monotonic clock: an elapsed wait, not a time of day). True when signalled.
   */
  public boolean awaitAfter(long mark, Duration limit) throws InterruptedException {
    long nanos = limit.toNanos();
    lock.lock();
    try {
      while (generation == mark) {
        if (nanos <= 0) {
          return false;
        }
        nanos = changed.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }
}
