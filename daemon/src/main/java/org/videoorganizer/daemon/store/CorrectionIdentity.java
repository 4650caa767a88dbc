package org.videoorganizer.daemon.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.parse.ExtraType;

/**
 * The identity a person's answer names, as stored in {@code corrections.identity} (JSON: a
 * correction is reused for other files and keeps the show's identity, not a video's). A video's
 * own identity is in the typed columns of {@code media_matches} ({@link MatchColumns}).
 */
final class CorrectionIdentity {

  private CorrectionIdentity() {}

  static JsonObject write(MediaIdentity id) {
    return new JsonObject()
        .put("kind", id.kind().name()).put("title", id.title()).put("year", id.year())
        .put("tmdbId", id.tmdbId()).put("imdbId", id.imdbId()).put("tvdbId", id.tvdbId())
        .put("season", id.season()).put("episodes", id.episodes() == null ? null : new JsonArray(id.episodes()))
        .put("episodeTitle", id.episodeTitle()).put("airDate", id.airDate() == null ? null : id.airDate().toString())
        .put("edition", id.edition()).put("part", id.part()).put("extra", id.extra() == null ? null : id.extra().name())
        .put("extraTitle", id.extraTitle()).put("versionLabel", id.versionLabel());
  }

  static MediaIdentity read(JsonObject j) {
    JsonArray eps = j.getJsonArray("episodes");
    List<Integer> episodes = eps == null ? null : eps.stream().map(o -> ((Number) o).intValue()).toList();
    return new MediaIdentity(MediaIdentity.Kind.valueOf(j.getString("kind")), j.getString("title"), j.getInteger("year"),
        j.getLong("tmdbId"), j.getString("imdbId"), j.getLong("tvdbId"), j.getInteger("season"), episodes,
        j.getString("episodeTitle"), j.getString("airDate") == null ? null : LocalDate.parse(j.getString("airDate")),
        j.getString("edition"), j.getInteger("part"), j.getString("extra") == null ? null : ExtraType.valueOf(j.getString("extra")),
        j.getString("extraTitle"), j.getString("versionLabel"));
  }
}
