package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * {@link JobStore#nextDueIn}: what the dispatcher's due thread waits for. Its own database, since
 * the answer is over every job. Times are set relative to the database's now(), and the
 * assertions allow for the seconds a slow machine takes between two statements.
 */
@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobStoreNextDueTest {

  private static final Duration SLACK = Duration.ofSeconds(30);

  private final Vertx vertx = Vertx.vertx();
  private Database db;
  private VideoStore videos;
  private JobStore jobs;
  private int names;

  @BeforeAll
  void open(TestServices.Env env) {
    db = Database.open(vertx, env.pgUrl(), 2).await();
    videos = new VideoStore(db.pool());
    jobs = new JobStore(db.pool());
    videos.upsertSource("in", "/in").await();
  }

  @AfterAll
  void close() {
    db.close().await();
    vertx.close().await();
  }

  @BeforeEach
  void noJobs() {
    db.pool().query("delete from jobs").execute().await();
  }

  @Test
  void nothingIsDueWhenNoJobIsQueuedOrRunning() {
    assertThat(jobs.nextDueIn().await()).isEmpty();
    long done = queued(Duration.ofHours(-1));
    long failed = queued(Duration.ofHours(-1));
    setState(done, JobState.DONE);
    setState(failed, JobState.FAILED);
    assertThat(jobs.nextDueIn().await()).as("finished jobs are never due, whatever their run_at").isEmpty();
  }

  @Test
  void aQueuedJobIsDueAtItsRunAt() {
    queued(Duration.ofHours(1));
    assertThat(jobs.nextDueIn().await()).hasValueSatisfying(d -> assertThat(d).isBetween(
        Duration.ofHours(1).minus(SLACK), Duration.ofHours(1)));
  }

  @Test
  void aQueuedJobWhoseTimeHasComeIsDueNow() {
    queued(Duration.ofMinutes(-5));
    assertThat(jobs.nextDueIn().await()).hasValueSatisfying(d -> assertThat(d).isNegative());
  }

  @Test
  void aRunningJobIsDueWhenItsLeaseExpires() {
    long id = queued(Duration.ZERO);
    jobs.claim(id, "w1", Duration.ofMinutes(10)).await().orElseThrow();
    queued(Duration.ofHours(1));
    assertThat(jobs.nextDueIn().await()).as("the lease runs out before the queued job's time")
        .hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMinutes(10).minus(SLACK), Duration.ofMinutes(10)));
  }

  @Test
  void theEarlierOfARunAtAndALeaseExpiryWins() {
    long id = queued(Duration.ZERO);
    jobs.claim(id, "w1", Duration.ofHours(2)).await().orElseThrow();
    queued(Duration.ofMinutes(20));
    queued(Duration.ofHours(3));
    assertThat(jobs.nextDueIn().await())
        .hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMinutes(20).minus(SLACK), Duration.ofMinutes(20)));
  }

  @Test
  void aRunningJobsRunAtDoesNotCount() {
    long id = queued(Duration.ZERO);
    jobs.claim(id, "w1", Duration.ofHours(1)).await().orElseThrow();
    db.pool().preparedQuery("update jobs set run_at = now() - interval '1 day' where id = $1").execute(Tuple.of(id)).await();
    assertThat(jobs.nextDueIn().await()).as("leased: due when the lease runs out, not at its old run_at")
        .hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofHours(1).minus(SLACK), Duration.ofHours(1)));
  }

  /** A new video's first job, queued to run {@code in} from the database's now (negative: in the past). */
  private long queued(Duration in) {
    long jobId = videos.discover("in", "v" + ++names + ".mkv", "v.mkv", 1, 1).await().orElseThrow();
    db.pool().preparedQuery("update jobs set run_at = now() + make_interval(secs => $2) where id = $1")
        .execute(Tuple.of(jobId, (double) in.toSeconds())).await();
    return jobId;
  }

  private void setState(long jobId, JobState state) {
    db.pool().preparedQuery("update jobs set state = $2 where id = $1").execute(Tuple.of(jobId, state.db())).await();
  }
}
