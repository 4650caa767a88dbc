package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.parse.ExtraType;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * V041 on a database an older daemon left: a match stored with its identity as JSON in
 * {@code evidence.identity} gets it in typed columns, and the JSON copy goes.
 */
class TypedIdentityMigrationTest {

  private final Vertx vertx = Vertx.vertx();
  private Pool pool;

  @BeforeEach
  void olderDatabase() throws Exception {
    pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(TestServices.newDatabase())).using(vertx).build();
    Migrations.apply(pool, version -> version != 41).await();
    pool.query("insert into sync_sources (name, path) values ('in', '/in')").execute().await();
  }

  @AfterEach
  void close() {
    pool.close().await();
    vertx.close().await();
  }

  private long oldMatch(String kind, String title, Integer season, Integer episode, JsonObject evidence) {
    long id = pool.preparedQuery("insert into videos (source, rel_path, display_path, size, mtime_ms, state) "
            + "values ('in', $1, $1, 1, 1, 'identified') returning id").execute(Tuple.of(title + ".mkv"))
        .await().iterator().next().getLong("id");
    pool.preparedQuery("insert into media_matches (video_id, kind, title, year, season, episode, tmdb_id, confidence, evidence) "
            + "values ($1, $2, $3, 2008, $4, $5, 57243, 0.9, $6)")
        .execute(Tuple.from(new Object[] {id, kind, title, season, episode, evidence})).await();
    return id;
  }

  @Test
  void theIdentityJsonOfAnOlderDaemonMovesIntoTypedColumns() {
    var identity = new JsonObject().put("kind", "EPISODE").put("title", "Doctor Who").put("year", 2008)
        .put("tmdbId", 57243).put("imdbId", "tt0436992").put("tvdbId", 78804).put("season", 4)
        .put("episodes", new io.vertx.core.json.JsonArray().add(13).add(12)).put("episodeTitle", "Journey's End")
        .put("airDate", "2008-07-05").put("edition", null).put("part", 2).put("extra", "FEATURETTE")
        .put("extraTitle", "Confidential").put("versionLabel", "1080p");
    long id = oldMatch("episode", "Doctor Who", 4, 12, new JsonObject().put("identity", identity).put("reason", "TMDB match")
        .put("confidence", 0.9).put("explanation", new io.vertx.core.json.JsonArray().add("parsed")));

    assertThat(Migrations.apply(pool).await()).isEqualTo(1);

    MediaIdentity expected = MediaIdentity.episode("Doctor Who", 2008, 4, List.of(12, 13))
        .withIds(57243L, "tt0436992", 78804L).withEpisodeTitle("Journey's End").withAirDate(LocalDate.of(2008, 7, 5))
        .withPart(2).withExtra(ExtraType.FEATURETTE, "Confidential").withVersionLabel("1080p");
    assertThat(new OrganizeStore(pool).identified(id).await())
        .contains(new OrganizeStore.Identified(expected, "TMDB match"));
    JsonObject evidence = (JsonObject) pool.preparedQuery("select evidence from media_matches where video_id = $1")
        .execute(Tuple.of(id)).await().iterator().next().getValue("evidence");
    assertThat(evidence.fieldNames()).containsExactlyInAnyOrder("reason", "confidence", "explanation");
  }

  @Test
  void aMatchStoredBeforeTheIdentityJsonKeepsItsColumnsAndGetsItsEpisode() {
    long id = oldMatch("episode", "Doctor Who", 4, 7, new JsonObject().put("reason", "named from the file name"));

    Migrations.apply(pool).await();

    assertThat(new OrganizeStore(pool).identified(id).await()).hasValueSatisfying(found -> {
      assertThat(found.identity().episodes()).containsExactly(7);
      assertThat(found.identity().season()).isEqualTo(4);
      assertThat(found.identity().tmdbId()).isEqualTo(57243L);
    });
  }
}
