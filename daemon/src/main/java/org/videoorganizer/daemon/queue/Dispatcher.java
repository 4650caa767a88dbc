package org.videoorganizer.daemon.queue;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.blocking.Wakeup;
import org.videoorganizer.config.VorgConfig.RedisConfig;
import org.videoorganizer.config.VorgConfig.WorkerConfig;
import org.videoorganizer.daemon.store.ControlStore;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.JobStore;

/**
 * The queue's entry point: takes job ids from the doorbell (Redis Streams or in-process) and
 * from PostgreSQL when a job falls due, claims them, runs them with a renewed lease, and records
 * the outcome. Stopping finishes running steps for a grace period, then releases the rest.
 *
 * <p>Two virtual threads wait, never sleep-poll: the doorbell thread blocks in the doorbell
 * (XREADGROUP BLOCK, or the in-memory queue) and, with no free slot, on {@link #slotFreed}; the
 * due thread asks the store when the next job falls due (a retry's back-off, an expired lease)
 * and waits until then, at most {@code workers.poll_seconds} (a ring lost with Redis down, or a
 * job queued by a process without a doorbell), or until {@link #recheck} is signalled. A stop
 * signals both and interrupts the threads.
 */
public final class Dispatcher {

  private volatile boolean paused;
  private static final long PAUSE_READ_NANOS = 1_000_000_000L;
  private volatile ControlStore sharedPause;
  private volatile Consumer<JobHandler.Step> committed = step -> { };
  private volatile long pauseReadAt;

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  // Interrupted steps get this long to unwind before their jobs are released from here.
  private static final Duration INTERRUPTED_GRACE = Duration.ofSeconds(5);
  // How soon a job that is due but locked by another worker's claim is looked at again.
  private static final Duration LOCKED_RETRY = Duration.ofMillis(250);

  private final Vertx vertx;
  private final JobStore jobs;
  private final Doorbell bell;
  private final JobHandler handler;
  private final WorkerConfig config;
  private final String owner;
  private final Duration lease;
  private final Semaphore slots;
  // By claim, not by job id: after a lease ran out this daemon may claim its own job again while
  // the first run still works (a fence apart), and each run must end with its own entry and timer.
  private final ConcurrentHashMap<Job, Running> running = new ConcurrentHashMap<>();
  private volatile boolean stopping;
  private final CountDownLatch stopped = new CountDownLatch(1);
  // A slot came free, the pause changed, or the stop began.
  private final Wakeup slotFreed = new Wakeup();
  // The due thread should look at the queue again before its deadline.
  private final Wakeup recheck = new Wakeup();
  // Set by the due thread when its last look found more due work than free slots.
  private volatile boolean backlog;
  private Thread pollLoop;
  private Thread bellLoop;

  private record Running(Job job, Thread thread, long timer) {}

  private Dispatcher(Vertx vertx, JobStore jobs, Doorbell bell, JobHandler handler, WorkerConfig config, String owner) {
    this.vertx = vertx;
    this.jobs = jobs;
    this.bell = bell;
    this.handler = handler;
    this.config = config;
    this.owner = owner;
    this.lease = Duration.ofSeconds(config.leaseSeconds());
    this.slots = new Semaphore(config.concurrency());
  }

  /** A dispatcher on Redis when configured, else in-process. Call {@link #start()} next. */
  public static Dispatcher create(Vertx vertx, JobStore jobs, Optional<RedisConfig> redis, JobHandler handler,
      WorkerConfig config) {
    String consumer = ownerName();
    Doorbell bell = redis.<Doorbell>map(r -> new RedisDoorbell(vertx, r.url(), r.keyPrefix(), consumer,
            Duration.ofSeconds(config.leaseSeconds())))
        .orElseGet(LocalDoorbell::new);
    return new Dispatcher(vertx, jobs, bell, handler, config, consumer);
  }

  public String owner() {
    return owner;
  }

  /** Announces a committed job to the workers (this daemon's or others'). */
  public void ring(long jobId) {
    bell.ring(jobId);
  }

  public boolean dispatchHealthy() {
    return bell.healthy();
  }

  /** Stops (true) or resumes (false) taking new jobs in this daemon; running steps finish. */
  public void pause(boolean pause) {
    paused = pause;
    slotFreed.signal();
    recheck.signal();
  }

  /**
   * Takes pause and resume from the store as well, so that they hold for every daemon on the
   * database and across restarts; read before claiming, at most once a second.
   */
  public void sharePause(ControlStore store) {
    sharedPause = store;
    pauseReadAt = System.nanoTime() - 2 * PAUSE_READ_NANOS;
  }

  /**
   * Tells {@code listener} of each step this daemon committed, after the commit, on the step's
   * thread: it must only signal (wake a loop), not wait or throw.
   */
  public void afterCommit(Consumer<JobHandler.Step> listener) {
    committed = listener;
  }

  /** The last known pause switch (never waits for the store). */
  public boolean paused() {
    return paused;
  }

  // Called before each claim on the dispatcher's own threads; keeps the last value when the store is unreachable.
  private boolean pausedNow() {
    ControlStore store = sharedPause;
    long now = System.nanoTime();
    if (store != null && now - pauseReadAt > PAUSE_READ_NANOS) {
      pauseReadAt = now;
      try {
        paused = Blocking.await(store.paused());
      } catch (RuntimeException e) {
        log.warn("reading the pause switch from PostgreSQL failed ({}); keeping paused={}", e.toString(), paused);
      }
    }
    return paused;
  }

  public int inFlight() {
    return running.size();
  }

  public void start() {
    pollLoop = Thread.ofVirtual().name("vorg-poll").start(this::pollForever);
    bellLoop = Thread.ofVirtual().name("vorg-doorbell").start(this::listenForever);
  }

  private void pollForever() {
    Duration most = Duration.ofSeconds(config.pollSeconds());
    while (!stopping) {
      long mark = recheck.mark();
      try {
        int free = slots.availablePermits();
        Duration wait = most;
        if (free == 0 || pausedNow()) {
          backlog = true; // look again when a slot comes free (or the pause is lifted)
        } else {
          List<Job> claimed = Blocking.awaitThroughInterrupts(jobs.claimDue(owner, free, lease));
          backlog = claimed.size() == free;
          claimed.forEach(this::launch);
          if (!backlog) {
            wait = untilNextDue(most);
          }
        }
        recheck.awaitAfter(mark, wait);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        log.warn("looking in PostgreSQL for due jobs failed: {}", e.toString());
        if (backOff(most)) {
          return;
        }
      }
    }
  }

  /**
   * The wait until the next job falls due, at most {@code most}. A job due now that the claim did
   * not get is locked by another worker's claim: looked at again shortly, not in a spin.
   */
  private Duration untilNextDue(Duration most) {
    Optional<Duration> due = Blocking.awaitThroughInterrupts(jobs.nextDueIn());
    if (due.isEmpty() || due.get().compareTo(most) > 0) {
      return most;
    }
    return due.get().compareTo(LOCKED_RETRY) < 0 ? LOCKED_RETRY : due.get();
  }

  /** A timed back-off that a stop cuts short; true when stopping. */
  private boolean backOff(Duration d) {
    try {
      return stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      return true;
    }
  }

  private void listenForever() {
    while (!stopping) {
      try {
        long mark = slotFreed.mark();
        int free = slots.availablePermits();
        if (free == 0 || pausedNow()) {
          slotFreed.awaitAfter(mark, Duration.ofSeconds(config.pollSeconds()));
          continue;
        }
        List<Long> ids = bell.next(free, Duration.ofSeconds(1));
        for (long id : ids) {
          if (stopping) {
            break;
          }
          claimAndLaunch(id);
        }
        bell.done(ids);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        log.warn("dispatch failed: {}", e.toString());
        if (backOff(Duration.ofSeconds(1))) {
          return;
        }
      }
    }
  }

  private void claimAndLaunch(long id) throws java.util.concurrent.TimeoutException {
    // A stop interrupts this loop; a claim already sent must still be seen through and released,
    // or the job would stay leased to a daemon that is gone until the lease runs out.
    Blocking.awaitThroughInterrupts(jobs.claim(id, owner, lease)).ifPresent(this::launch);
  }

  /*
   * The due thread and the doorbell thread both claim, and may go for the same jobs at once. That
   * is safe: (1) a job runs once per claim, because a claim is one statement that locks the row
   * with FOR UPDATE SKIP LOCKED and re-checks that it is due (queued and run_at passed, or its lease
   * expired) on the row as the other claim's commit left it; the loser gets nothing. (2) Slots are
   * not over-committed, because each thread claims at most the free slots it saw, but a run starts
   * only with a permit taken here; a claim the other thread's launches left without a slot is
   * handed back at once (release: the attempt does not count) and the due thread looks again. A
   * second run of one job happens only after its lease ran out (this daemon's renewals failed for a
   * whole lease), and the fence then refuses the older run's outcome.
   * DispatcherTest.theDueThreadAndTheDoorbellClaimingTogether... shows (1) and (2).
   */
  private void launch(Job job) {
    if (stopping || pausedNow() || !slots.tryAcquire()) {
      Blocking.awaitThroughInterrupts(jobs.release(job));
      recheck.signal(); // it is due again, and no ring announces it
      return;
    }
    Thread t = Thread.ofVirtual().name("vorg-job-" + job.id()).unstarted(() -> runOne(job));
    long timer = vertx.setPeriodic(lease.toMillis() / 3, x -> jobs.renew(job, lease)
        .onFailure(e -> log.warn("lease renewal of job {} failed: {}", job.id(), e.toString())));
    running.put(job, new Running(job, t, timer));
    t.start();
  }

  private void runOne(Job job) {
    try {
      JobHandler.Step step = handler.handle(job, () -> {
        if (stopping && Thread.currentThread().isInterrupted()) {
          throw new ShutdownInProgress();
        }
      });
      Blocking.await(jobs.complete(job, step.changes(), step.next())).ifPresent(bell::ring);
      committed.accept(step);
    } catch (JobStore.LeaseLost e) {
      log.warn("{}; its outcome is dropped", e.getMessage());
    } catch (Throwable e) {
      if (stopping) {
        // Interrupted by the stop, or failing because of it (a call cut short): not the step's
        // fault, so no attempt is used up; the job goes back to the queue for the next worker.
        Thread.interrupted();
        releaseAfterStop(job);
      } else {
        fail(job, e);
      }
    } finally {
      Running r = running.remove(job);
      if (r != null) {
        vertx.cancelTimer(r.timer());
      }
      slots.release();
      slotFreed.signal();
      if (backlog) {
        recheck.signal();
      }
    }
  }

  private void fail(Job job, Throwable e) {
    String reason = job.stage() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    Duration delay = backoff(job.attempts());
    try {
      boolean last = Blocking.await(jobs.retryOrFail(job, reason, delay, config.maxAttempts()));
      if (last) {
        log.warn("job {} (video {}, {}) failed for good after {} attempts: {}", job.id(), job.videoId(),
            job.stage(), job.attempts(), reason);
        Blocking.await(jobs.recordGaveUp(job, handler.gaveUp(job, reason)));
      } else {
        log.info("job {} (video {}, {}) will retry in {}s: {}", job.id(), job.videoId(), job.stage(), delay.toSeconds(), reason);
        recheck.signal(); // its run_at may come before the due thread's deadline
      }
    } catch (RuntimeException dbDown) {
      log.warn("could not record the failure of job {} ({}); its lease will expire and it runs again", job.id(), dbDown.toString());
    }
  }

  static Duration backoff(int attempts) {
    long base = Math.min(600_000L, 1_000L << Math.min(Math.max(attempts - 1, 0), 20));
    return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  /**
   * Graceful stop: no new claims; running steps get {@code grace} to finish, then are
   * interrupted and their jobs released so another worker takes them at once.
   */
  public void stop(Duration grace) {
    stopping = true;
    stopped.countDown();
    slotFreed.signal();
    recheck.signal();
    if (pollLoop != null) {
      pollLoop.interrupt();
      bellLoop.interrupt();
    }
    awaitIdle(grace);
    for (Running r : running.values()) {
      r.thread().interrupt();
    }
    awaitIdle(INTERRUPTED_GRACE);
    for (Running r : running.values()) {
      Blocking.await(jobs.release(r.job()).otherwiseEmpty());
    }
    bell.close();
  }

  private void releaseAfterStop(Job job) {
    try {
      Blocking.await(jobs.release(job));
    } catch (RuntimeException e) {
      log.warn("job {} could not be released while stopping ({}); its lease runs out and another worker takes it",
          job.id(), e.toString());
    }
  }

  private static final class ShutdownInProgress extends RuntimeException {
    ShutdownInProgress() {
      super("daemon is shutting down", null, false, false);
    }
  }

  /** Waits up to {@code limit} for the running steps to end (each end signals {@link #slotFreed}). */
  private void awaitIdle(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      while (true) {
        long mark = slotFreed.mark();
        long left = deadline - System.nanoTime();
        if (running.isEmpty() || left <= 0) {
          return;
        }
        slotFreed.awaitAfter(mark, Duration.ofNanos(left));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String ownerName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    return host + "-" + ProcessHandle.current().pid() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
  }
}
