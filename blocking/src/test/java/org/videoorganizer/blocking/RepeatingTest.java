package org.videoorganizer.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs follow wakes without waiting for {@code every}; the stop ends a wait and a run. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RepeatingTest {

  @Test
  void runsAtOnceThenOnEachWakeWithoutWaitingForEvery() throws InterruptedException {
    Semaphore runs = new Semaphore(0);
    Repeating r = Repeating.now("test", Duration.ofHours(1), runs::release);
    runs.acquire();
    r.wake();
    runs.acquire();
    r.wake();
    runs.acquire();
    r.stop();
  }

  @Test
  void aWakeDuringARunGivesOneMoreRunAfterIt() throws InterruptedException {
    CountDownLatch inFirst = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Semaphore runs = new Semaphore(0);
    AtomicInteger n = new AtomicInteger();
    Repeating r = Repeating.after("test", Duration.ofHours(1), () -> {
      if (n.incrementAndGet() == 1) {
        inFirst.countDown();
        release.await();
      }
      runs.release();
    });
    r.wake();
    inFirst.await();
    r.wake(); // while the first run is in progress
    release.countDown();
    runs.acquire(2);
    r.stop();
    assertThat(n).hasValue(2);
  }

  @Test
  void waitingFirstDoesNotRunBeforeTheWaitAndTheStopEndsTheWait() {
    AtomicInteger n = new AtomicInteger();
    Repeating.after("test", Duration.ofHours(1), n::incrementAndGet).stop();
    assertThat(n).hasValue(0);
  }

  @Test
  void theStopInterruptsARunInProgressAndAFailingRunDoesNotEndTheLoop() throws InterruptedException {
    Semaphore runs = new Semaphore(0);
    AtomicInteger n = new AtomicInteger();
    Repeating r = Repeating.now("test", Duration.ofMillis(1), () -> {
      runs.release();
      if (n.incrementAndGet() < 3) {
        throw new IllegalStateException("run " + n.get() + " failed");
      }
      Thread.sleep(Duration.ofHours(1));
    });
    runs.acquire(3);
    r.stop();
    assertThat(n).hasValue(3);
  }
}
