package org.videoorganizer.blocking;

import java.time.Duration;

/**
 * Work of ours repeated on one virtual thread instead of a timer: it runs, then waits on a
 * {@link Wakeup} for {@code every} or until {@link #wake}, and runs again, until {@link #stop}. A
 * wake during a run gives one more run right after it; runs never overlap. The stop ends the
 * wait and interrupts a run in progress.
 */
public final class Repeating {

  /** One run. It handles its own failures; an interrupt (the stop) may end it with an exception. */
  @FunctionalInterface
  public interface Work {
    void run() throws InterruptedException;
  }

  private final Wakeup wakeup = new Wakeup();
  private final Duration every;
  private final Work work;
  private volatile boolean stopping;
  private Thread thread;

  private Repeating(Duration every, Work work) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("every must be positive, got " + every);
    }
    this.every = every;
    this.work = work;
  }

  /** Runs {@code work} at once, then after each wait. */
  public static Repeating now(String name, Duration every, Work work) {
    Repeating r = new Repeating(every, work);
    long mark = r.wakeup.mark();
    r.thread = Thread.ofVirtual().name(name).start(() -> r.loop(mark, true));
    return r;
  }

  /** Waits first, then runs {@code work} after each wait. */
  public static Repeating after(String name, Duration every, Work work) {
    Repeating r = new Repeating(every, work);
    long mark = r.wakeup.mark(); // taken here, so a wake right after the start is not lost
    r.thread = Thread.ofVirtual().name(name).start(() -> r.loop(mark, false));
    return r;
  }

  // Each run starts after its mark: a wake after the mark, during the run, gives the next run.
  private void loop(long mark, boolean run) {
    try {
      while (!stopping) {
        if (run) {
          runOnce();
        }
        run = true;
        wakeup.awaitAfter(mark, every);
        mark = wakeup.mark();
      }
    } catch (InterruptedException e) {
      // the stop
    }
  }

  private void runOnce() throws InterruptedException {
    try {
      work.run();
    } catch (RuntimeException e) {
      if (stopping) {
        throw new InterruptedException("stopped");
      }
      Thread t = Thread.currentThread();
      t.getUncaughtExceptionHandler().uncaughtException(t, e); // the loop goes on
    }
  }

  /** Asks for a run now, or right after the one in progress. */
  public void wake() {
    wakeup.signal();
  }

  /** Ends the loop, a run in progress interrupted; returns when its thread ended. */
  public void stop() {
    stopping = true;
    wakeup.signal();
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
