package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.parse.ExtraType;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.daemon.testsupport.TestServices;

/** Each typed {@link Change} as the store writes it, read back from the real database. */
@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangesTest {

  private static final MediaIdentity EVERY_FIELD = MediaIdentity.episode("Doctor Who", 2005, 4, List.of(13, 12))
      .withIds(57243L, "tt0436992", 78804L).withEpisodeTitle("Journey's End").withAirDate(LocalDate.of(2008, 7, 5))
      .withEdition("Extended").withPart(2).withExtra(ExtraType.FEATURETTE, "Confidential").withVersionLabel("1080p");

  private final Vertx vertx = Vertx.vertx();
  private Database db;
  private VideoStore videos;
  private JobStore jobs;
  private OrganizeStore organize;
  private int names;

  @BeforeAll
  void open(TestServices.Env env) {
    db = Database.open(vertx, env.pgUrl(), 4).await();
    videos = new VideoStore(db.pool());
    jobs = new JobStore(db.pool());
    organize = new OrganizeStore(db.pool());
    videos.upsertSource("in", "/in").await();
  }

  @AfterAll
  void close() {
    db.close().await();
    vertx.close().await();
  }

  /** A new video with its first job claimed; returns the job. */
  private Job newJob() {
    String name = "v" + ++names + ".mkv";
    long jobId = videos.discover("in", name, name, 10, 1).await().orElseThrow();
    return jobs.claim(jobId, "w", Duration.ofSeconds(30)).await().orElseThrow();
  }

  /** Another stage of the same video, queued and claimed. */
  private Job nextJob(long videoId, String stage) {
    long id = db.pool().withConnection(c -> JobStore.enqueue(c, videoId, stage)).await();
    return jobs.claim(id, "w", Duration.ofSeconds(30)).await().orElseThrow();
  }

  private void commit(Job job, Change... changes) {
    jobs.complete(job, List.of(changes), Optional.empty()).await();
  }

  private JsonObject evidence(long videoId) {
    return (JsonObject) db.pool().preparedQuery("select evidence from media_matches where video_id = $1")
        .execute(Tuple.of(videoId)).await().iterator().next().getValue("evidence");
  }

  @Test
  void aMatchIsStoredInTypedColumnsAndReadBackWhole() {
    Job job = newJob();
    commit(job, new Change.Matched(job.videoId(), EVERY_FIELD, 0.91, "TMDB match", List.of("parsed", "searched")));

    assertThat(organize.identified(job.videoId()).await())
        .contains(new OrganizeStore.Identified(EVERY_FIELD, "TMDB match"));
    assertThat(evidence(job.videoId())).isEqualTo(new JsonObject().put("reason", "TMDB match").put("confidence", 0.91)
        .put("explanation", new io.vertx.core.json.JsonArray().add("parsed").add("searched")));
    var row = db.pool().preparedQuery("select kind, episode from media_matches where video_id = $1")
        .execute(Tuple.of(job.videoId())).await().iterator().next();
    assertThat(row.getString("kind")).isEqualTo("episode");
    assertThat(row.getInteger("episode")).isEqualTo(12);
  }

  @Test
  void aNewMatchReplacesTheOldOneEntirely() {
    Job job = newJob();
    commit(job, new Change.Matched(job.videoId(), EVERY_FIELD, 0.5, "first", List.of()));
    MediaIdentity heat = MediaIdentity.movie("Heat", 1995);
    commit(nextJob(job.videoId(), "identify"),
        new Change.Matched(job.videoId(), heat, null, "answered on the review page", List.of()));

    assertThat(organize.identified(job.videoId()).await())
        .contains(new OrganizeStore.Identified(heat, "answered on the review page"));
  }

  @Test
  void aSecondVideoWithTheSameBytesIsFingerprintedAsADuplicate() {
    Job first = newJob();
    Job second = newJob();
    commit(first, fingerprinted(first, "same"));
    commit(second, fingerprinted(second, "same"));

    assertThat(videos.get(first.videoId()).await().state()).isEqualTo(VideoState.FINGERPRINTED);
    Video dup = videos.get(second.videoId()).await();
    assertThat(dup.state()).isEqualTo(VideoState.DUPLICATE);
    assertThat(dup.reason()).contains("the same bytes as video " + first.videoId() + "; kept, not imported twice");
    assertThat(organize.group(first.videoId()).await()).contains(group(first));
  }

  @Test
  void anOrganizedVideoRecordsItsFilesAndCountsOnceAndASecondAtThePathIsADuplicate() {
    Path target = Path.of("/lib/Movies/Heat (1995)/Heat (1995).mkv");
    Job first = newJob();
    Job second = newJob();
    double before = organizedToday();
    commit(first, new Change.Organized(first.videoId(), target, "h1", 10, false,
        List.of(new Change.Carried(Path.of("/lib/Movies/Heat (1995)/Heat (1995).en.srt"), 2))));
    commit(second, new Change.Organized(second.videoId(), target, "h2", 10, false, List.of()));

    assertThat(videos.get(first.videoId()).await().state()).isEqualTo(VideoState.ORGANIZED);
    assertThat(videos.get(first.videoId()).await().active()).isFalse();
    assertThat(organize.libraryPaths(first.videoId()).await()).containsExactlyInAnyOrder(target,
        Path.of("/lib/Movies/Heat (1995)/Heat (1995).en.srt"));
    assertThat(videos.get(second.videoId()).await().state()).isEqualTo(VideoState.DUPLICATE);
    assertThat(organizedToday()).isEqualTo(before + 1);
  }

  @Test
  void anAnalysisIsKeptWithItsReport() {
    Job job = newJob();
    commit(job, new Change.Analyzed(job.videoId(), "Fake", "{\"title\":\"Heat\"}", 1.5, 0.0125));
    var row = db.pool().preparedQuery("select analyzer, result, seconds, cost from analysis_results where video_id = $1")
        .execute(Tuple.of(job.videoId())).await().iterator().next();
    assertThat(row.getString("analyzer")).isEqualTo("Fake");
    assertThat(row.getValue("result")).isEqualTo(new JsonObject().put("title", "Heat"));
    assertThat(row.getDouble("seconds")).isEqualTo(1.5);
    assertThat(row.getDouble("cost")).isEqualTo(0.0125);
  }

  @Test
  void retryLaterQueuesTheJobAgainWithoutCountingTheAttempt() {
    Job job = newJob();
    commit(job, new Change.RetryLater(job.id(), "the source mount is down"));
    var row = db.pool().preparedQuery("select state, attempts, last_error, run_at > now() as later from jobs where id = $1")
        .execute(Tuple.of(job.id())).await().iterator().next();
    assertThat(row.getString("state")).isEqualTo("queued");
    assertThat(row.getInteger("attempts")).isZero();
    assertThat(row.getString("last_error")).isEqualTo("the source mount is down");
    assertThat(row.getBoolean("later")).isTrue();
  }

  @Test
  void theAnnounceStepDoesNotOverwriteJellyfinsVerdict() {
    Job job = newJob();
    commit(job, new Change.StateChanged(job.videoId(), VideoState.CONFIRMED, null));
    Job again = nextJob(job.videoId(), "identify");
    commit(again, new Change.StateChanged(job.videoId(), VideoState.ANNOUNCED, null));
    assertThat(videos.get(job.videoId()).await().state()).isEqualTo(VideoState.CONFIRMED);
  }

  private static SourceGroup group(Job job) {
    Path root = Path.of("/in");
    return new SourceGroup(root, root.resolve("v" + job.videoId() + ".mkv"), List.of());
  }

  private static Change.Fingerprinted fingerprinted(Job job, String hash) {
    return new Change.Fingerprinted(job.videoId(), "q-" + hash, hash, group(job));
  }

  private double organizedToday() {
    var rows = db.pool().preparedQuery("select value from stats where day = current_date and name = $1")
        .execute(Tuple.of(DailyStats.ORGANIZED_FILES)).await();
    return rows.size() == 0 ? 0 : rows.iterator().next().getDouble("value");
  }
}
