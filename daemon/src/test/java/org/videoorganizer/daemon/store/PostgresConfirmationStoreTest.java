package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.confirm.Confirmation;
import org.videoorganizer.jellyfin.confirm.ConfirmationState;
import org.videoorganizer.jellyfin.confirm.ConfirmationStore;
import org.videoorganizer.jellyfin.confirm.ConfirmationStoreContract;

@ExtendWith(TestServices.class)
class PostgresConfirmationStoreTest extends ConfirmationStoreContract {

  static Vertx vertx;
  static Database db;

  @BeforeAll
  static void open(TestServices.Env env) {
    vertx = Vertx.vertx();
    db = result(Database.open(vertx, env.pgUrl(), 2));
  }

  @AfterAll
  static void close() {
    result(db.close());
    result(vertx.close());
  }

  @Override
  protected ConfirmationStore newStore() {
    result(db.pool().query("truncate jellyfin_confirmations").execute());
    return new PostgresConfirmationStore(db.pool());
  }

  @Test
  void aSecondStoreOnTheSameDatabaseSeesWhatTheFirstSaved() {
    Confirmation c = waiting("Restart", T0.plusSeconds(30)).withItem("44444444444444444444444444444444", Optional.of("99"))
        .withState(ConfirmationState.MISMATCHED, T0.plusSeconds(31), Optional.of(T0.plusSeconds(36)), "correcting");
    result(newStore().save(c));

    ConfirmationStore afterRestart = new PostgresConfirmationStore(db.pool());

    assertThat(result(afterRestart.byItemId("44444444444444444444444444444444"))).contains(c);
    assertThat(result(afterRestart.due(T0.plusSeconds(40), 10))).containsExactly(c);
  }

  @Test
  void keepsTimesToTheMicrosecond() {
    Instant odd = Instant.parse("2026-12-02T12:00:00.123456789Z");
    Confirmation c = Confirmation.waiting(java.nio.file.Path.of("/lib/Movies/X/X.mkv"), "/media/Movies/X/X.mkv", "7",
        odd, odd.plusSeconds(1));
    ConfirmationStore store = newStore();
    result(store.save(c));

    assertThat(result(store.byJellyfinPath("/media/Movies/X/X.mkv")).orElseThrow().announcedAt())
        .isEqualTo(Instant.parse("2026-12-02T12:00:00.123456Z"));
  }

  @Test
  void jellyfinsVerdictMovesTheAnnouncedVideoAndWaitingDoesNot() {
    Path library = Path.of("/lib/Movies/The Verdict (1982)/The Verdict (1982).mkv");
    long videoId = announcedVideo(library);
    Confirmation waiting = Confirmation.waiting(library, "/media/Movies/The Verdict (1982)/The Verdict (1982).mkv", "949", T0,
        T0.plusSeconds(5));
    ConfirmationStore store = new PostgresConfirmationStore(db.pool());

    result(store.save(waiting));
    assertThat(stateOf(videoId)).isEqualTo(VideoState.ANNOUNCED);

    result(store.save(waiting.withItem("55555555555555555555555555555555", Optional.of("1")).withState(
        ConfirmationState.MISMATCHED, T0.plusSeconds(6), Optional.of(T0.plusSeconds(10)), "correcting")));
    assertThat(stateOf(videoId)).isEqualTo(VideoState.MISMATCHED);

    result(store.save(waiting.withItem("55555555555555555555555555555555", Optional.of("949")).withState(
        ConfirmationState.CONFIRMED, T0.plusSeconds(11), Optional.empty(), "confirmed")));
    assertThat(stateOf(videoId)).isEqualTo(VideoState.CONFIRMED);
  }

  // A video taken through organize and announce by the store's own changes.
  private static long announcedVideo(Path library) {
    VideoStore videos = new VideoStore(db.pool());
    JobStore jobs = new JobStore(db.pool());
    result(videos.upsertSource("in", "/in"));
    long jobId = result(videos.discover("in", "verdict.mkv", "verdict.mkv", 10, 1)).orElseThrow();
    Job job = result(jobs.claim(jobId, "w", Duration.ofSeconds(30))).orElseThrow();
    result(jobs.complete(job, List.of(new Change.Organized(job.videoId(), library, "h", 10, false, List.of()),
        new Change.StateChanged(job.videoId(), VideoState.ANNOUNCED, null)), Optional.empty()));
    return job.videoId();
  }

  private static VideoState stateOf(long videoId) {
    return result(new VideoStore(db.pool()).get(videoId)).state();
  }
}
