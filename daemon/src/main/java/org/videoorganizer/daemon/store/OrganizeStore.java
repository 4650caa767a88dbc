package org.videoorganizer.daemon.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.source.SourceGroup;

/**
 * What organizing reads about a video: the whole source group found at fingerprinting (stored as
 * the JSON of {@link SourceGroup}), its identity, and the files organizing carried into the
 * library. What the steps write is a {@link Change}.
 */
public final class OrganizeStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Pool pool;

  public OrganizeStore(Pool pool) {
    this.pool = pool;
  }

  /** The source group stored at fingerprinting; empty for a row fingerprinted before it was stored. */
  public Future<Optional<SourceGroup>> group(long videoId) {
    return pool.preparedQuery("select source_group from videos where id = $1").execute(Tuple.of(videoId))
        .map(rows -> {
          Object value = rows.size() == 0 ? null : rows.iterator().next().getValue("source_group");
          return value instanceof JsonObject json ? Optional.of(fromJson(json)) : Optional.empty();
        });
  }

  /** A video's stored identity and how it was found (the identify step's reason, or a person's answer). */
  public record Identified(MediaIdentity identity, String reason) {}

  /** The identity the identify step (or a review answer) stored; empty when none. */
  public Future<Optional<Identified>> identified(long videoId) {
    return pool.preparedQuery("""
            select kind, title, year, tmdb_id, imdb_id, tvdb_id, season, episodes, episode_title, air_date, edition, part,
              extra, extra_title, version_label, evidence->>'reason' as reason
            from media_matches where video_id = $1""").execute(Tuple.of(videoId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(identified(rows.iterator().next())));
  }

  private static Identified identified(Row r) {
    return new Identified(MatchColumns.identity(r), r.getString("reason") == null ? "identified" : r.getString("reason"));
  }

  /** The library files a video became (video, sidecars, disc files), as recorded when organized. */
  public Future<List<Path>> libraryPaths(long videoId) {
    return pool.preparedQuery("select library_path from organized_files where video_id = $1").execute(Tuple.of(videoId))
        .map(rows -> {
          List<Path> paths = new ArrayList<>();
          rows.forEach(r -> paths.add(Path.of(r.getString("library_path"))));
          return paths;
        });
  }

  static JsonObject toJson(SourceGroup group) {
    try {
      return new JsonObject(JSON.writeValueAsString(group));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the source group of " + group.video() + " as JSON", e);
    }
  }

  static SourceGroup fromJson(JsonObject json) {
    try {
      return JSON.readValue(json.encode(), SourceGroup.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the stored source group cannot be read back: " + e.getOriginalMessage(), e);
    }
  }
}
