package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobStoreTest {

  private final Vertx vertx = Vertx.vertx();
  private Database db;
  private VideoStore videos;
  private JobStore jobs;
  private final Duration lease = Duration.ofSeconds(30);

  @BeforeAll
  void open(TestServices.Env env) {
    db = Database.open(vertx, env.pgUrl(), 4).await();
    videos = new VideoStore(db.pool());
    jobs = new JobStore(db.pool());
    videos.upsertSource("in", "/in").await();
  }

  @AfterAll
  void close() {
    db.close().await();
    vertx.close().await();
  }

  private long newVideo(String name) {
    return videos.discover("in", name, name, 10, 1).await().orElseThrow();
  }

  @Test
  void migrationsApplyOnlyOnce() {
    assertThat(Migrations.apply(db.pool()).await()).isZero();
  }

  @Test
  void aListingTakenBeforeAnotherDaemonFoundAFileDoesNotMarkItGone() {
    videos.upsertSource("racing", "/racing").await();
    var before = videos.clock().await();
    // recorded by another daemon after this daemon's listing began
    assertThat(videos.discover("racing", "late.mkv", "late.mkv", 10, 1).await()).isPresent();
    assertThat(videos.markGone("racing", List.of(), before).await()).isZero();
    assertThat(racingState()).isEqualTo("discovered");
    assertThat(videos.markGone("racing", List.of(), videos.clock().await()).await())
        .as("its fingerprint step is still queued: that step finds out itself").isZero();
    db.pool().query("update jobs set state = 'done' where video_id in (select id from videos where source = 'racing')")
        .execute().await();
    assertThat(videos.markGone("racing", List.of(), videos.clock().await()).await())
        .as("a listing that began later and still did not see it, nothing left to run").isEqualTo(1);
    assertThat(racingState()).isEqualTo("vanished");
  }

  private String racingState() {
    return db.pool().query("select state from videos where source = 'racing'").execute().await()
        .iterator().next().getString("state");
  }

  @Test
  void discoveringTheSameFileTwiceQueuesOneJob() {
    assertThat(videos.discover("in", "twice.mkv", "twice.mkv", 5, 7).await()).isPresent();
    assertThat(videos.discover("in", "twice.mkv", "twice.mkv", 5, 7).await()).isEmpty();
  }

  @Test
  void aClaimedJobIsNotClaimedAgainUntilItsLeaseExpires() {
    long jobId = newVideo("a.mkv");
    Optional<Job> first = jobs.claim(jobId, "w1", lease).await();
    assertThat(first).isPresent();
    assertThat(jobs.claim(jobId, "w2", lease).await()).isEmpty();
    jobs.renew(first.get(), Duration.ofSeconds(0)).await();
    Optional<Job> taken = jobs.claim(jobId, "w2", lease).await();
    assertThat(taken).hasValueSatisfying(j -> assertThat(j.fence()).isEqualTo(first.get().fence() + 1));
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverCannotComplete() {
    long jobId = newVideo("b.mkv");
    Job stale = jobs.claim(jobId, "w1", lease).await().orElseThrow();
    jobs.renew(stale, Duration.ZERO).await();
    Job fresh = jobs.claim(jobId, "w2", lease).await().orElseThrow();
    assertThatThrownBy(() -> jobs.complete(stale, List.of(), Optional.of("identify")).await())
        .isInstanceOf(JobStore.LeaseLost.class);
    assertThat(jobs.complete(fresh, List.of(), Optional.of("identify")).await()).isPresent();
  }

  @Test
  void completingRunsTheOutcomeAndQueuesTheNextStageAtomically() {
    long jobId = newVideo("c.mkv");
    Job job = jobs.claim(jobId, "w1", lease).await().orElseThrow();
    var change = new Change.StateChanged(job.videoId(), VideoState.FINGERPRINTED, null);
    long next = jobs.complete(job, List.of(change), Optional.of("identify")).await().orElseThrow();
    assertThat(videos.get(job.videoId()).await().state()).isEqualTo(VideoState.FINGERPRINTED);
    assertThat(jobs.claim(next, "w1", lease).await()).hasValueSatisfying(j -> assertThat(j.stage()).isEqualTo("identify"));
  }

  @Test
  void aFailedWriteRollsBackTheCompletion() {
    long jobId = newVideo("d.mkv");
    Job job = jobs.claim(jobId, "w1", lease).await().orElseThrow();
    // A match for a video that does not exist breaks the foreign key.
    var bad = new Change.Matched(job.videoId() + 1000, MediaIdentity.movie("Heat", 1995), null, "x", List.of());
    assertThatThrownBy(() -> jobs.complete(job, List.of(bad), Optional.of("identify")).await()).isNotNull();
    jobs.renew(job, lease).await(); // still ours and still running: the completion did not happen
  }

  @Test
  void retriesWaitTheirBackOffAndFailAfterTheLastAttempt() {
    long jobId = newVideo("e.mkv");
    Job job = jobs.claim(jobId, "w1", lease).await().orElseThrow();
    assertThat(jobs.retryOrFail(job, "boom", Duration.ofHours(1), 2).await()).isFalse();
    assertThat(jobs.claim(jobId, "w1", lease).await()).as("still backing off").isEmpty();
    db.pool().preparedQuery("update jobs set run_at = now() where id = $1").execute(Tuple.of(jobId)).await();
    Job second = jobs.claim(jobId, "w1", lease).await().orElseThrow();
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(jobs.retryOrFail(second, "boom again", Duration.ZERO, 2).await()).isTrue();
    assertThat(jobs.claim(jobId, "w1", lease).await()).isEmpty();
  }

  @Test
  void releasedJobsAreClaimableAtOnceWithoutSpendingAnAttempt() {
    long jobId = newVideo("f.mkv");
    Job job = jobs.claim(jobId, "w1", lease).await().orElseThrow();
    jobs.release(job).await();
    assertThat(jobs.claim(jobId, "w2", lease).await()).hasValueSatisfying(j -> assertThat(j.attempts()).isEqualTo(1));
  }

  @Test
  void concurrentClaimersNeverGetTheSameJob() throws Exception {
    for (int i = 0; i < 40; i++) {
      newVideo("many-" + i + ".mkv");
    }
    var a = jobs.claimDue("a", 25, lease);
    var b = jobs.claimDue("b", 25, lease);
    List<Job> ja = a.await();
    List<Job> jb = b.await();
    Set<Long> ids = new HashSet<>();
    ja.forEach(j -> ids.add(j.id()));
    jb.forEach(j -> assertThat(ids.add(j.id())).as("job %d claimed twice", j.id()).isTrue());
    assertThat(ja.size() + jb.size()).isGreaterThanOrEqualTo(40);
  }
}
