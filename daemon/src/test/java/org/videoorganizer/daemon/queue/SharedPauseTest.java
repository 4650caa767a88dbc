package org.videoorganizer.daemon.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.config.VorgConfig.WorkerConfig;
import org.videoorganizer.daemon.store.ControlStore;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.JobStore;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.daemon.store.VideoStore;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Pause and resume are stored, so they hold for every daemon on the database and for a daemon
 * started while the pipeline is paused; resuming lets the waiting steps run.
 */
@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedPauseTest {

  private final Vertx vertx = Vertx.vertx();
  private Database db;
  private VideoStore videos;
  private JobStore jobs;
  private ControlStore controls;

  @BeforeAll
  void open(TestServices.Env env) {
    db = Database.open(vertx, env.pgUrl(), 8).await();
    videos = new VideoStore(db.pool());
    jobs = new JobStore(db.pool());
    controls = new ControlStore(db.pool());
    videos.upsertSource("in", "/in").await();
  }

  @AfterAll
  void close() {
    db.close().await();
    vertx.close().await();
  }

  private final Set<Long> ran = ConcurrentHashMap.newKeySet();

  private final JobHandler handler = new JobHandler() {
    @Override
    public Step handle(Job job, LeaseCheck lease) {
      ran.add(job.videoId());
      return new Step(List.of(new Change.StateChanged(job.videoId(), org.videoorganizer.daemon.store.VideoState.IDENTIFIED, null)),
          Optional.empty());
    }

    @Override
    public List<Change> gaveUp(Job job, String error) {
      return List.of();
    }
  };

  private Dispatcher daemon() {
    Dispatcher d = Dispatcher.create(vertx, jobs, Optional.empty(), handler, new WorkerConfig(4, 10, 3, 1));
    d.sharePause(controls);
    d.start();
    return d;
  }

  @Test
  void aPauseStoredByOneDaemonHoldsForTheOtherAndForOneStartedLaterUntilResumed() throws Exception {
    Dispatcher first = daemon();
    Dispatcher second = daemon();
    controls.pause(true, "test").await();
    assertThat(controls.paused().await()).isTrue();
    Thread.sleep(1100); // both have read the switch (they read it at most once a second)
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      long id = videos.discover("in", "p" + i + ".mkv", "p" + i + ".mkv", 1, 1).await().orElseThrow();
      ids.add(id);
      (i % 2 == 0 ? first : second).ring(id);
    }
    Thread.sleep(2500); // a negative: more than two poll rounds of both daemons, nothing may run
    assertThat(ran).as("paused: neither daemon takes a step").isEmpty();

    first.stop(Duration.ofSeconds(1));
    second.stop(Duration.ofSeconds(1));
    Dispatcher restarted = daemon();
    Thread.sleep(2500);
    assertThat(ran).as("a daemon started while paused stays paused").isEmpty();

    controls.pause(false, "test").await();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!ran.containsAll(ids) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    restarted.stop(Duration.ofSeconds(1));
    assertThat(ran).as("resumed: every waiting step runs").containsAll(ids);
  }
}
