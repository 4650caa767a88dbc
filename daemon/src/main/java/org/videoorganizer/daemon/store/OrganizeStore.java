package org.videoorganizer.daemon.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.source.SourceGroup;

/**
 * What fingerprinting and organizing write and read about a video's files: the whole source group
 * found at fingerprinting (stored as the JSON of {@link SourceGroup}), and the files organizing
 * carried into the library. The writes are returned for the step's own transaction.
 */
public final class OrganizeStore {

  /** A file carried into the library with its video (a subtitle, an NFO, artwork, a disc folder's other files). */
  public record Carried(Path target, long bytes) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  // Live videos that hold the same bytes: a second one becomes a duplicate.
  private static final String LIVE_SAME_BYTES = "from videos o where o.content_hash = $3 and o.id <> $1 "
      + "and o.state not in ('discovered', 'duplicate', 'rejected', 'failed', 'vanished')";

  private final Pool pool;

  public OrganizeStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Records the hashes and the source group of a fingerprinted video: FINGERPRINTED, or DUPLICATE
   * (with the reason) when another live video has the same bytes. Taken under a lock on the hash,
   * so two copies racing through two workers are settled in the database.
   */
  public static List<JobStore.Write> fingerprinted(long videoId, String quickHash, String contentHash, SourceGroup group) {
    var names = new JsonArray();
    group.sidecars().forEach(s -> names.add(group.video().getParent().relativize(s.path()).toString()));
    return List.of(
        new JobStore.Write("select pg_advisory_xact_lock(hashtext($1))", Tuple.of(contentHash)),
        new JobStore.Write("update videos set quick_hash = $2, content_hash = $3, sidecars = $4, source_group = $5, "
            + "updated_at = now(), duplicate_of = (select min(o.id) " + LIVE_SAME_BYTES + "), "
            + "state = case when exists (select 1 " + LIVE_SAME_BYTES + ") then 'duplicate' else 'fingerprinted' end where id = $1",
            Tuple.of(videoId, quickHash, contentHash, names, toJson(group))),
        new JobStore.Write("update videos set reason = 'the same bytes as video ' || duplicate_of || '; kept, not imported twice' "
            + "where id = $1 and state = 'duplicate'", Tuple.of(videoId)));
  }

  /** The source group stored at fingerprinting; empty for a row fingerprinted before it was stored. */
  public Future<Optional<SourceGroup>> group(long videoId) {
    return pool.preparedQuery("select source_group from videos where id = $1").execute(Tuple.of(videoId))
        .map(rows -> {
          Object value = rows.size() == 0 ? null : rows.iterator().next().getValue("source_group");
          return value instanceof JsonObject json ? Optional.of(fromJson(json)) : Optional.empty();
        });
  }

  /** The identity evidence the identify step stored ({@code media_matches.evidence}); empty when none. */
  public Future<Optional<JsonObject>> evidence(long videoId) {
    return pool.preparedQuery("select evidence from media_matches where video_id = $1").execute(Tuple.of(videoId))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.ofNullable((JsonObject) rows.iterator().next().getValue("evidence")));
  }

  /**
   * Records a video carried to {@code target} with its sidecars: ORGANIZED, or DUPLICATE when
   * another video already holds that library path; {@code active} stays true when the source was
   * kept (copy or link mode).
   */
  public static List<JobStore.Write> organized(long videoId, Path target, String contentHash, long size,
      boolean keepsSource, List<Carried> sidecars) {
    List<JobStore.Write> writes = new ArrayList<>();
    for (Carried c : sidecars) {
      writes.add(new JobStore.Write("insert into organized_files (video_id, library_path, content_hash, size, role) "
          + "values ($1, $2, '', $3, 'sidecar') on conflict (library_path) do nothing",
          Tuple.of(videoId, c.target().toString(), c.bytes())));
    }
    writes.add(DailyStats.organized(target.toString(), videoId, size)); // before the rows below
    writes.add(new JobStore.Write("insert into organized_files (video_id, library_path, content_hash, size) "
        + "values ($1, $2, $3, $4) on conflict (library_path) do nothing",
        Tuple.of(videoId, target.toString(), contentHash, size)));
    String taken = "exists (select 1 from organized_files where library_path = $2 and video_id <> $1)";
    writes.add(new JobStore.Write("update videos set active = $3, updated_at = now(), "
        + "state = case when " + taken + " then 'duplicate' else 'organized' end, "
        + "reason = case when " + taken + " then 'the same bytes are already in the library at ' || $2 else null end "
        + "where id = $1", Tuple.of(videoId, target.toString(), keepsSource)));
    return writes;
  }

  /**
   * The write that records a video's match (one row per video, replaced on a new match).
   *
   * @param confidence the matcher's, or null when TMDB gave no match
   */
  public static JobStore.Write matched(long videoId, String kind, String title, Integer year, Integer season,
      Integer episode, Long tmdbId, Double confidence, JsonObject evidence) {
    return new JobStore.Write("insert into media_matches (video_id, kind, title, year, season, episode, tmdb_id, confidence, evidence) "
        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (video_id) do update set kind = excluded.kind, "
        + "title = excluded.title, year = excluded.year, season = excluded.season, episode = excluded.episode, "
        + "tmdb_id = excluded.tmdb_id, confidence = excluded.confidence, evidence = excluded.evidence",
        Tuple.from(new Object[] {videoId, kind, title, year, season, episode, tmdbId, confidence, evidence}));
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
