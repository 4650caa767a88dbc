package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobStateTest {

  private final Vertx vertx = Vertx.vertx();
  private Database db;
  private long jobId;

  @BeforeAll
  void open(TestServices.Env env) {
    db = Database.open(vertx, env.pgUrl(), 2).await();
    VideoStore videos = new VideoStore(db.pool());
    videos.upsertSource("in", "/in").await();
    long videoId = videos.discover("in", "a.mkv", "a.mkv", 10, 1).await().orElseThrow();
    jobId = db.pool().preparedQuery("select id from jobs where video_id = $1").execute(Tuple.of(videoId)).await()
        .iterator().next().getLong("id");
  }

  @AfterAll
  void close() {
    db.close().await();
    vertx.close().await();
  }

  @Test
  void onlyQueuedAndRunningJobsStillHaveAStepToRun() {
    assertThat(JobState.where(JobState::open)).containsExactlyInAnyOrder(JobState.QUEUED, JobState.RUNNING);
  }

  @Test
  void databaseNamesRoundTrip() {
    for (JobState s : JobState.values()) {
      assertThat(JobState.of(s.db())).isEqualTo(s);
    }
  }

  @Test
  void theSchemaAcceptsEveryStateTheEnumNamesAndNoOther() {
    List<String> accepted = new ArrayList<>();
    for (JobState s : JobState.values()) {
      setState(s.db());
      accepted.add(s.db());
    }
    assertThat(accepted).containsExactly("queued", "running", "done", "failed");
    assertThatThrownBy(() -> setState("leased")).hasMessageContaining("jobs_state");
    setState(JobState.QUEUED.db());
  }

  @Test
  void aNewJobStartsQueued() {
    String state = db.pool().query("select column_default from information_schema.columns "
        + "where table_name = 'jobs' and column_name = 'state'").execute().await().iterator().next().getString(0);
    assertThat(state).startsWith("'" + JobState.QUEUED.db() + "'");
  }

  private void setState(String state) {
    db.pool().preparedQuery("update jobs set state = $2 where id = $1").execute(Tuple.of(jobId, state)).await();
  }
}
