package org.videoorganizer.daemon.queue;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thing the dispatcher's threads wait on: a slot freed, a pause lifted, a job finished,
 * the stop begun. A waiter reads {@link #mark()}, checks what it waits for, then
 * {@link #awaitAfter} that mark, so a signal between the check and the wait is never lost. Waits
 * are timed; a stop signals every one of them, so no waiter outlives the stop.
 */
final class Wakeup {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long generation;

  /** The current generation, to pass to {@link #awaitAfter}. */
  long mark() {
    lock.lock();
    try {
      return generation;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every waiter. */
  void signal() {
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
  boolean awaitAfter(long mark, Duration limit) throws InterruptedException {
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
