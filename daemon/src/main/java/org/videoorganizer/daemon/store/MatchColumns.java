package org.videoorganizer.daemon.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.parse.ExtraType;

/**
 * A video's identity in the typed columns of {@code media_matches}, written and read in this one
 * place. {@code episode} is the first of {@code episodes}, kept for the lists that sort and filter
 * by it; {@code evidence} holds only how the identity was found (reason, confidence, explanation).
 */
final class MatchColumns {

  private MatchColumns() {}

  static Changes.Statement upsert(Change.Matched m) {
    MediaIdentity id = m.identity();
    JsonObject evidence = new JsonObject().put("reason", m.reason()).put("confidence", m.confidence())
        .put("explanation", new JsonArray(m.explanation()));
    Tuple args = Tuple.tuple().addLong(m.videoId()).addString(DbEnum.db(id.kind()))
        .addString(id.title()).addInteger(id.year()).addLong(id.tmdbId()).addString(id.imdbId()).addLong(id.tvdbId())
        .addInteger(id.season()).addArrayOfInteger(id.episodes().toArray(Integer[]::new))
        .addInteger(id.episodes().isEmpty() ? null : id.episodes().getFirst()).addString(id.episodeTitle())
        .addLocalDate(id.airDate()).addString(id.edition()).addInteger(id.part())
        .addString(id.extra() == null ? null : id.extra().name()).addString(id.extraTitle()).addString(id.versionLabel())
        .addDouble(m.confidence()).addValue(evidence);
    return new Changes.Statement("""
        insert into media_matches (video_id, kind, title, year, tmdb_id, imdb_id, tvdb_id, season, episodes, episode,
          episode_title, air_date, edition, part, extra, extra_title, version_label, confidence, evidence)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
        on conflict (video_id) do update
        set kind = excluded.kind, title = excluded.title, year = excluded.year, tmdb_id = excluded.tmdb_id,
          imdb_id = excluded.imdb_id, tvdb_id = excluded.tvdb_id, season = excluded.season, episodes = excluded.episodes,
          episode = excluded.episode, episode_title = excluded.episode_title, air_date = excluded.air_date,
          edition = excluded.edition, part = excluded.part, extra = excluded.extra, extra_title = excluded.extra_title,
          version_label = excluded.version_label, confidence = excluded.confidence, evidence = excluded.evidence""", args);
  }

  /**
   * The identity of a row that has the columns kind, title, year, tmdb_id, imdb_id, tvdb_id, season,
   * episodes, episode_title, air_date, edition, part, extra, extra_title, version_label.
   */
  static MediaIdentity identity(Row r) {
    Integer[] episodes = r.getArrayOfIntegers("episodes");
    String extra = r.getString("extra");
    return new MediaIdentity(DbEnum.of(MediaIdentity.Kind.class, r.getString("kind")), r.getString("title"),
        r.getInteger("year"), r.getLong("tmdb_id"), r.getString("imdb_id"), r.getLong("tvdb_id"), r.getInteger("season"),
        episodes == null ? List.of() : List.of(episodes), r.getString("episode_title"), r.getLocalDate("air_date"),
        r.getString("edition"), r.getInteger("part"), extra == null ? null : ExtraType.valueOf(extra),
        r.getString("extra_title"), r.getString("version_label"));
  }
}
