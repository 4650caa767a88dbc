package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.parse.ExtraType;
import org.videoorganizer.daemon.testsupport.TestServices;

@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrectionIdentityTest {

  // An answer as the hand-written mapper before Jackson stored it: every key, nulls included.
  private static final String OLD_EPISODE = """
      {"kind": "EPISODE", "title": "The Office", "year": 2005, "tmdbId": 2316, "imdbId": "tt0386676",
       "tvdbId": 73244, "season": 2, "episodes": [3, 4], "episodeTitle": "Office Olympics",
       "airDate": "2005-10-04", "edition": null, "part": null, "extra": "BEHIND_THE_SCENES",
       "extraTitle": "Bloopers", "versionLabel": "1080p"}""";
  private static final String OLD_MOVIE = """
      {"kind": "MOVIE", "title": "Heat", "year": 1995, "tmdbId": 949, "imdbId": null, "tvdbId": null,
       "season": null, "episodes": [], "episodeTitle": null, "airDate": null, "edition": "Director's Cut",
       "part": 2, "extra": null, "extraTitle": null, "versionLabel": null}""";

  private static final MediaIdentity EPISODE = MediaIdentity.episode("The Office", 2005, 2, List.of(4, 3))
      .withIds(2316L, "tt0386676", 73244L).withEpisodeTitle("Office Olympics").withAirDate(LocalDate.of(2005, 10, 4))
      .withExtra(ExtraType.BEHIND_THE_SCENES, "Bloopers").withVersionLabel("1080p");
  private static final MediaIdentity MOVIE = MediaIdentity.movie("Heat", 1995).withIds(949L, null, null)
      .withEdition("Director's Cut").withPart(2);

  private final Vertx vertx = Vertx.vertx();
  private Database db;
  private ReviewStore review;

  @BeforeAll
  void open(TestServices.Env env) {
    db = Database.open(vertx, env.pgUrl(), 2).await();
    review = new ReviewStore(db.pool());
  }

  @AfterAll
  void close() {
    db.close().await();
    vertx.close().await();
  }

  @Test
  void anAnswerStoredByTheHandWrittenMapperIsReadBack() {
    storeOldRow("hash-episode", OLD_EPISODE);
    storeOldRow("hash-movie", OLD_MOVIE);
    assertThat(review.correctionFor("hash-episode", null, null, null).await().orElseThrow().identity()).isEqualTo(EPISODE);
    assertThat(review.correctionFor("hash-movie", null, null, null).await().orElseThrow().identity()).isEqualTo(MOVIE);
  }

  @Test
  void anIdentityIsWrittenInTheShapeRowsAlreadyHave() {
    assertThat(CorrectionIdentity.write(EPISODE)).isEqualTo(new JsonObject(OLD_EPISODE));
    assertThat(CorrectionIdentity.write(MOVIE)).isEqualTo(new JsonObject(OLD_MOVIE));
  }

  @Test
  void anIdentityRoundTripsThroughTheDatabase() {
    for (MediaIdentity id : List.of(EPISODE, MOVIE, MediaIdentity.other("Birthday", null).withAirDate(LocalDate.of(2020, 2, 29)))) {
      String hash = "round-trip-" + id.kind();
      storeOldRow(hash, CorrectionIdentity.write(id).encode());
      assertThat(review.correctionFor(hash, null, null, null).await().orElseThrow().identity()).isEqualTo(id);
    }
  }

  @Test
  void keysALaterVersionAddsAreIgnored() {
    JsonObject newer = new JsonObject(OLD_MOVIE).put("collection", "Heat Collection");
    assertThat(CorrectionIdentity.read(newer)).isEqualTo(MOVIE);
  }

  private void storeOldRow(String contentHash, String identity) {
    db.pool().preparedQuery("insert into corrections (scope, kind, content_hash, identity, summary) "
            + "values ('file', 'movie', $1, $2::text::jsonb, 'test')")
        .execute(Tuple.of(contentHash, identity)).await();
  }
}
