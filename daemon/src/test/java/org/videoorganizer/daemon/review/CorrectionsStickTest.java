package org.videoorganizer.daemon.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.VideoStore;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.web.Answer;

/**
 * A person's answer is stored as a correction and reused without asking: by the other files of
 * the same release folder or season pack, by later episodes under the same show name wherever
 * they lie, and by a file with the same content hash; an unrelated file still asks, and a
 * correction taken back is no longer reused. The sweeps' thread sweeps when a sweep is wanted,
 * without waiting for its safety net.
 */
@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrectionsStickTest {

  private final Vertx vertx = Vertx.vertx();
  private final FakeTmdbServer tmdb = FakeTmdbServer.start();
  private Database db;
  private VideoStore videos;
  private ReviewService reviews;

  @BeforeAll
  void open(TestServices.Env env) {
    db = Database.open(vertx, env.pgUrl(), 4).await();
    videos = new VideoStore(db.pool());
    videos.upsertSource("in", "/in").await();
    videos.upsertSource("other", "/other").await();
    TmdbClient client = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY).requestsPerSecond(10_000)
        .retries(0, 0, Duration.ofMillis(10), Duration.ofMillis(50)).build();
    reviews = new ReviewService(db.pool(), Optional.of(client), job -> { });
  }

  @AfterAll
  void close() {
    db.close().await();
    vertx.close().await();
    tmdb.close();
  }

  private long waiting(String source, String relPath, String contentHash) {
    videos.discover(source, relPath, relPath, 1000, 1).await().orElseThrow(); // queues its first job
    return db.pool().preparedQuery("update videos set state = 'needs_review', content_hash = $3, reason = 'asked' "
            + "where source = $1 and rel_path = $2 returning id").execute(Tuple.of(source, relPath, contentHash)).await()
        .iterator().next().getLong("id");
  }

  private Row match(long video) {
    var rows = db.pool().preparedQuery("select v.state, m.kind, m.title, m.season, m.episode from videos v "
        + "left join media_matches m on m.video_id = v.id where v.id = $1").execute(Tuple.of(video)).await();
    return rows.iterator().next();
  }

  @Test
  void theRestOfASeasonPackAndLaterEpisodesOfTheShowFollowTheAnswer() {
    long first = waiting("in", "Brkng.Bd.S01.Pack/Brkng.Bd.S01E01.mkv", "h-pack-1");
    long second = waiting("in", "Brkng.Bd.S01.Pack/Brkng.Bd.S01E02.mkv", "h-pack-2");
    long sample = waiting("in", "Brkng.Bd.S01.Pack/Brkng.Bd.S01E03.mkv", "h-pack-3");
    long later = waiting("other", "incoming/Brkng Bd S02E04 720p.mkv", "h-later");
    long unrelated = waiting("in", "Zqxw.Show.S01E01.mkv", "h-unrelated");

    reviews.answer(first, new Answer.Tmdb("tv", 1396)).await();
    reviews.sweep().await();

    assertThat(match(first).getString("title")).isEqualTo("Breaking Bad");
    for (long v : new long[] {second, sample, later}) {
      Row m = match(v);
      assertThat(m.getString("state")).as("video %d follows the answer", v).isEqualTo("identified");
      assertThat(m.getString("title")).isEqualTo("Breaking Bad");
      assertThat(m.getString("kind")).isEqualTo("episode");
    }
    assertThat(match(second).getInteger("episode")).as("its own episode number, from its name").isEqualTo(2);
    assertThat(match(later).getInteger("season")).isEqualTo(2);
    assertThat(match(later).getInteger("episode")).isEqualTo(4);
    assertThat(match(unrelated).getString("state")).as("another show still asks").isEqualTo("needs_review");
    assertThat(reviews.corrections(later).await().getJsonObject(0).getString("applied")).startsWith("applied without asking");
  }

  @Test
  void theOtherFilesOfAReleaseFolderAndTheSameBytesElsewhereFollowAnAnswerUnderOther() {
    long clip = waiting("in", "Holiday Crete/clip one.mkv", "h-clip-1");
    long sibling = waiting("in", "Holiday Crete/clip two.mkv", "h-clip-2");
    long copy = waiting("other", "backup/DSC0001.mkv", "h-clip-1");
    long elsewhere = waiting("other", "Holiday Crete/clip three.mkv", "h-clip-3");

    var answered = reviews.answer(clip, new Answer.Other("Holiday Crete", 2019)).await();
    reviews.sweep().await();

    assertThat(match(sibling).getString("state")).as("same release folder").isEqualTo("identified");
    assertThat(match(sibling).getString("title")).isEqualTo("Holiday Crete");
    assertThat(match(copy).getString("state")).as("same content hash in another source").isEqualTo("identified");
    assertThat(match(elsewhere).getString("state")).as("a folder of that name in another source is not the release")
        .isEqualTo("needs_review");

    long correction = answered.getLong("correction");
    assertThat(reviews.revoke(correction).await().getInteger("back_to_review")).isEqualTo(3);
    long again = waiting("in", "Holiday Crete/clip four.mkv", "h-clip-4");
    reviews.sweep().await();
    assertThat(match(again).getString("state")).as("a correction taken back is not reused").isEqualTo("needs_review");
  }

  private String state(long video) {
    return match(video).getString("state");
  }

  private void awaitState(long video, String state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!state(video).equals(state)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("video " + video + " is " + state(video) + ", not " + state);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void aVideoThatStartsWaitingIsSweptAsSoonAsASweepIsWantedNotAfterTheSafetyNet() throws Exception {
    long first = waiting("in", "Wake Folder/one.mkv", "h-wake-1");
    reviews.answer(first, new Answer.Other("Wake Folder", 2021)).await();
    long second = waiting("in", "Wake Folder/two.mkv", "h-wake-2");
    assertThat(state(second)).as("no sweeps running yet").isEqualTo("needs_review");

    reviews.startSweeps(Duration.ofHours(1));
    try {
      awaitState(second, "identified"); // the sweep at start
      long third = waiting("in", "Wake Folder/three.mkv", "h-wake-3");
      reviews.wantSweep(); // what a step committing a video to needs_review does
      awaitState(third, "identified");
    } finally {
      reviews.stopSweeps();
    }
  }
}
