package org.videoorganizer.daemon.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.config.VorgConfig.RedisConfig;
import org.videoorganizer.config.VorgConfig.WorkerConfig;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.JobStore;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.daemon.store.VideoState;
import org.videoorganizer.daemon.store.VideoStore;
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatcherTest {

  private final Vertx vertx = Vertx.vertx();
  private TestServices.Env env;
  private Database db;
  private VideoStore videos;
  private JobStore jobs;
  private final AtomicInteger names = new AtomicInteger();

  @BeforeAll
  void open(TestServices.Env env) {
    this.env = env;
    db = Database.open(vertx, env.pgUrl(), 8).await();
    videos = new VideoStore(db.pool());
    jobs = new JobStore(db.pool());
    videos.upsertSource("in", "/in").await();
  }

  @AfterAll
  void close() {
    db.close().await();
    vertx.close().await();
  }

  /** Counts how often each job ran and how many ran at once, waiting a little like a TMDB call would. */
  private static final class Counting implements JobHandler {
    final Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
    final Map<Long, String> by = new ConcurrentHashMap<>();
    final AtomicInteger atOnce = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final int failFirst;

    Counting(int failFirst) {
      this.failFirst = failFirst;
    }

    @Override
    public Step handle(Job job, LeaseCheck lease) throws Exception {
      int n = runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
      by.put(job.id(), job.owner());
      mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20);
      } finally {
        atOnce.decrementAndGet();
      }
      if (n <= failFirst) {
        throw new IllegalStateException("fake TMDB timeout");
      }
      return new Step(List.of(new Change.StateChanged(job.videoId(), VideoState.IDENTIFIED, null)), Optional.empty());
    }

    @Override
    public List<Change> gaveUp(Job job, String error) {
      return List.of(new Change.StateChanged(job.videoId(), VideoState.FAILED, error));
    }
  }

  private List<Long> enqueue(int n, Dispatcher ring) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long id = videos.discover("in", "v" + names.incrementAndGet() + ".mkv", "v.mkv", 1, 1).await().orElseThrow();
      ids.add(id);
      ring.ring(id);
    }
    return ids;
  }

  private void awaitDone(List<Long> ids, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      long open = db.pool().preparedQuery("select count(*) from jobs where id = any($1) and state not in ('done', 'failed')")
          .execute(Tuple.of(ids.toArray(Long[]::new))).await().iterator().next().getLong(0);
      if (open == 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("jobs not finished within " + limit);
  }

  private WorkerConfig workers(int pollSeconds) {
    return new WorkerConfig(8, 10, 3, pollSeconds);
  }

  @Test
  void inProcessDispatchRunsEveryJobExactlyOnce() throws Exception {
    var handler = new Counting(0);
    Dispatcher d = Dispatcher.create(vertx, jobs, Optional.empty(), handler, workers(60));
    d.start();
    List<Long> ids = enqueue(50, d);
    awaitDone(ids, Duration.ofSeconds(20));
    d.stop(Duration.ofSeconds(1));
    ids.forEach(id -> assertThat(handler.runs.get(id)).as("job %d", id).hasValue(1));
  }

  @Test
  void aListenerHearsOfAStepThatSendsAVideoToReviewAfterItWasCommitted() throws Exception {
    JobHandler asks = new JobHandler() {
      @Override
      public Step handle(Job job, LeaseCheck lease) {
        return new Step(List.of(new Change.StateChanged(job.videoId(), VideoState.NEEDS_REVIEW, "asked")), Optional.empty());
      }

      @Override
      public List<Change> gaveUp(Job job, String error) {
        return List.of();
      }
    };
    Dispatcher d = Dispatcher.create(vertx, jobs, Optional.empty(), asks, workers(60));
    LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
    d.afterCommit(step -> {
      if (step.movesTo(VideoState.NEEDS_REVIEW)) {
        long video = ((Change.StateChanged) step.changes().getFirst()).videoId();
        heard.add(Blocking.await(videos.get(video)).state().db()); // a test's look; a listener only signals
      }
    });
    d.start();
    enqueue(1, d);
    String state = heard.poll(20, TimeUnit.SECONDS);
    d.stop(Duration.ofSeconds(1));
    assertThat(state).as("the video's state when the listener heard of the step").isEqualTo("needs_review");
  }

  @Test
  void twoDaemonsOnOneRedisShareTheWorkAndRunEachJobOnce() throws Exception {
    assumeTrue(env.redisUrl().isPresent(), "no Redis available");
    var redis = Optional.of(new RedisConfig(env.redisUrl().get(), env.keyPrefix() + "-share"));
    var handler = new Counting(0);
    Dispatcher a = Dispatcher.create(vertx, jobs, redis, handler, new WorkerConfig(2, 10, 3, 60));
    Dispatcher b = Dispatcher.create(vertx, jobs, redis, handler, new WorkerConfig(2, 10, 3, 60));
    a.start();
    b.start();
    Thread.sleep(300);
    List<Long> ids = enqueue(80, a);
    awaitDone(ids, Duration.ofSeconds(30));
    a.stop(Duration.ofSeconds(1));
    b.stop(Duration.ofSeconds(1));
    ids.forEach(id -> assertThat(handler.runs.get(id)).as("job %d", id).hasValue(1));
    assertThat(handler.by.values()).as("both daemons worked").contains(a.owner(), b.owner());
  }

  @Test
  void whenRedisIsDownJobsArriveByPollingPostgres() throws Exception {
    var deadRedis = Optional.of(new RedisConfig("redis://127.0.0.1:1", env.keyPrefix()));
    var handler = new Counting(0);
    Dispatcher d = Dispatcher.create(vertx, jobs, deadRedis, handler, workers(1));
    d.start();
    List<Long> ids = enqueue(10, d);
    awaitDone(ids, Duration.ofSeconds(20));
    assertThat(d.dispatchHealthy()).isFalse();
    d.stop(Duration.ofSeconds(1));
    ids.forEach(id -> assertThat(handler.runs.get(id)).hasValue(1));
  }

  @Test
  void aFailingStepIsRetriedWithBackOffThenSucceeds() throws Exception {
    var handler = new Counting(1);
    // Polling only every 60 s: the retries (due after 0.5-1 s) must be taken when they fall due.
    Dispatcher d = Dispatcher.create(vertx, jobs, Optional.empty(), handler, workers(60));
    d.start();
    List<Long> ids = enqueue(3, d);
    awaitDone(ids, Duration.ofSeconds(10));
    d.stop(Duration.ofSeconds(1));
    ids.forEach(id -> assertThat(handler.runs.get(id)).hasValue(2));
  }

  @Test
  void aStepThatKeepsFailingEndsFailedWithItsReason() throws Exception {
    var handler = new Counting(99);
    Dispatcher d = Dispatcher.create(vertx, jobs, Optional.empty(), handler, new WorkerConfig(4, 10, 2, 1));
    d.start();
    List<Long> ids = enqueue(1, d);
    awaitDone(ids, Duration.ofSeconds(20));
    d.stop(Duration.ofSeconds(1));
    long videoId = db.pool().preparedQuery("select video_id from jobs where id = $1").execute(Tuple.of(ids.getFirst()))
        .await().iterator().next().getLong(0);
    var video = videos.get(videoId).await();
    assertThat(video.state().db()).isEqualTo("failed");
    assertThat(video.reason()).hasValueSatisfying(r -> assertThat(r).contains("fake TMDB timeout"));
  }

  @Test
  void stoppingReleasesAStepThatDoesNotFinishInTheGracePeriod() throws Exception {
    JobHandler slow = new JobHandler() {
      @Override
      public Step handle(Job job, LeaseCheck lease) throws Exception {
        Thread.sleep(60_000);
        return new Step(List.of(), Optional.empty());
      }

      @Override
      public List<Change> gaveUp(Job job, String error) {
        return List.of();
      }
    };
    Dispatcher d = Dispatcher.create(vertx, jobs, Optional.empty(), slow, workers(60));
    d.start();
    long id = enqueue(1, d).getFirst();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (d.inFlight() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(d.inFlight()).isEqualTo(1);
    d.stop(Duration.ofMillis(200));
    var row = db.pool().preparedQuery("select state, attempts, lease_owner from jobs where id = $1").execute(Tuple.of(id))
        .await().iterator().next();
    assertThat(row.getString("state")).isEqualTo("queued");
    assertThat(row.getInteger("attempts")).as("a released attempt does not count").isZero();
    assertThat(row.getString("lease_owner")).isNull();
  }

  @Test
  void theDueThreadAndTheDoorbellClaimingTogetherNeverRunAJobTwiceNorMoreJobsThanSlots() throws Exception {
    // Queued and rung before the start: the due thread finds them in PostgreSQL while the doorbell
    // thread claims the same ids, and each claims as many as it sees free slots.
    var handler = new Counting(0);
    Dispatcher d = Dispatcher.create(vertx, jobs, Optional.empty(), handler, new WorkerConfig(3, 10, 3, 1));
    List<Long> ids = enqueue(120, d);
    d.start();
    awaitDone(ids, Duration.ofSeconds(60));
    d.stop(Duration.ofSeconds(1));
    ids.forEach(id -> assertThat(handler.runs.get(id)).as("job %d", id).hasValue(1));
    assertThat(handler.mostAtOnce.get()).as("steps running at once with 3 slots").isBetween(1, 3);
    long handedBack = db.pool().preparedQuery("select count(*) from jobs where id = any($1) and fence > attempts")
        .execute(Tuple.of(ids.toArray(Long[]::new))).await().iterator().next().getLong(0);
    // Each freed slot wakes both threads, so claims that found no slot are many (37 of 120 on the
    // development machine): the two paths did race.
    assertThat(handedBack).as("claims handed back for want of a slot").isPositive();
  }

  @Test
  void aJobClaimedAgainAfterItsLeaseRanOutIsTrackedAsTwoRunsUntilBothEnd() throws Exception {
    var firstStarted = new java.util.concurrent.CountDownLatch(1);
    var letFirstEnd = new java.util.concurrent.CountDownLatch(1);
    var runs = new AtomicInteger();
    JobHandler handler = new JobHandler() {
      @Override
      public Step handle(Job job, LeaseCheck lease) throws Exception {
        if (runs.incrementAndGet() == 1) {
          firstStarted.countDown();
          letFirstEnd.await();
        }
        return new Step(List.of(), Optional.empty());
      }

      @Override
      public List<Change> gaveUp(Job job, String error) {
        return List.of();
      }
    };
    Dispatcher d = Dispatcher.create(vertx, jobs, Optional.empty(), handler, new WorkerConfig(2, 60, 3, 60));
    d.start();
    long id = enqueue(1, d).getFirst();
    firstStarted.await();
    // Its renewals failed for a whole lease (PostgreSQL was away): the lease ran out under the running step.
    db.pool().preparedQuery("update jobs set lease_expires_at = now() - interval '1 second' where id = $1")
        .execute(Tuple.of(id)).await();
    d.ring(id);
    awaitDone(List.of(id), Duration.ofSeconds(20));
    assertThat(runs).as("claimed again and run to the end by the same daemon").hasValue(2);
    assertThat(d.inFlight()).as("the first run is still working").isEqualTo(1);
    letFirstEnd.countDown();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (d.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(d.inFlight()).as("the first run ended; its outcome was refused by the fence").isZero();
    d.stop(Duration.ofSeconds(1));
    assertThat(db.pool().preparedQuery("select state from jobs where id = $1").execute(Tuple.of(id)).await()
        .iterator().next().getString(0)).isEqualTo("done");
  }
}
