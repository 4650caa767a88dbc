package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.core.naming.MediaIdentity;

/**
 * The review questions (active videos in needs_review) and the writes that answer them: an
 * identity carried out at once (match stored, video identified, its next stage queued, the
 * correction and its use recorded, in one transaction), skip (to the end of the list) and
 * ignore (rejected, left in place).
 */
public final class ReviewStore {

  /** A correction to record with an answer; {@code existing} when reusing one already stored. */
  public record Correction(Optional<Long> existing, String kind, Long tmdbId, Integer season, Integer episode,
      String source, String folder, String showKey, String contentHash, MediaIdentity identity, String summary) {}

  /** A live correction found for a file: {@code kind} is "tv", "movie" or "other". */
  public record Stored(long id, String kind, MediaIdentity identity, String summary) {}

  private static final String REVIEW = VideoState.NEEDS_REVIEW.db();
  private static final String[] IN_LIBRARY = VideoState.names(VideoState::inLibrary);

  private final Pool pool;

  public ReviewStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Open questions, the longest waiting first (a skipped one goes to the end), each with the
   * candidates and evidence the matcher stored ({@code seen}, see {@link Change.ReviewSeen}) and
   * the evidence lines of its latest content analysis ({@code analysis}, empty when none).
   */
  public Future<JsonArray> open(int limit) {
    return pool.preparedQuery("select id, source, rel_path, display_path, reason, content_hash, updated_at, review_seen, "
            + "(select a.result->'evidence' from analysis_results a where a.video_id = videos.id order by a.id desc limit 1) "
            + "as analysis from videos where active and state = $2 order by updated_at, id limit $1")
        .execute(Tuple.of(limit, REVIEW))
        .map(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(r -> out.add(new JsonObject().put("video", r.getLong("id")).put("source", r.getString("source"))
              .put("rel_path", r.getString("rel_path")).put("path", r.getString("display_path"))
              .put("reason", r.getString("reason")).put("content_hash", r.getString("content_hash"))
              .put("since", String.valueOf(r.getOffsetDateTime("updated_at")))
              .put("seen", r.getValue("review_seen") instanceof JsonObject seen ? seen : new JsonObject())
              .put("analysis", r.getValue("analysis") instanceof JsonArray a ? a : new JsonArray())));
          return out;
        });
  }

  /**
   * Carries out an answer: fails with {@link IllegalStateException} when the video is no longer
   * waiting for one. Returns the queued job's id and the correction's id.
   */
  public Future<long[]> answer(Video video, Change.Matched match, Correction c) {
    return pool.withTransaction(conn -> conn.preparedQuery("select state from videos where id = $1 and active for update")
        .execute(Tuple.of(video.id()))
        .compose(rows -> rows.size() == 1 && VideoState.of(rows.iterator().next().getString("state")) == VideoState.NEEDS_REVIEW
            ? Future.succeededFuture()
            : Future.failedFuture(new IllegalStateException("video " + video.id() + " is not waiting for an answer any more")))
        .compose(x -> Changes.apply(conn, List.of(match,
            new Change.StateChanged(video.id(), VideoState.IDENTIFIED, null))))
        .compose(x -> c.existing().isPresent() ? Future.succeededFuture(c.existing().get()) : insert(conn, video.id(), c))
        .compose(cid -> conn.preparedQuery("insert into correction_uses (correction_id, video_id, previous_state) "
                + "values ($1, $2, $3) on conflict (correction_id, video_id) do update set applied_at = now()")
            .execute(Tuple.of(cid, video.id(), REVIEW))
            .compose(x -> JobStore.enqueue(conn, video.id(), "analyze"))
            .map(job -> new long[] {job, cid})));
  }

  private static Future<Long> insert(SqlConnection conn, long videoId, Correction c) {
    return conn.preparedQuery("insert into corrections (video_id, scope, kind, tmdb_id, season, episode, created_by, source, "
            + "folder, show_key, content_hash, identity, summary) values ($1, $2, $3, $4, $5, $6, 'web', $7, $8, $9, $10, $11, $12) "
            + "returning id")
        .execute(Tuple.from(new Object[] {videoId, scope(c), c.kind(), c.tmdbId(), c.season(), c.episode(), c.source(),
            c.folder(), c.showKey(), c.contentHash(), c.identity() == null ? null : CorrectionIdentity.write(c.identity()),
            c.summary()}))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  private static String scope(Correction c) {
    return c.showKey() != null ? "show" : c.folder() != null ? "release" : "file";
  }

  /** Skip: the question stays, after the others. */
  public Future<Boolean> skip(long videoId) {
    return pool.preparedQuery("update videos set updated_at = now() where id = $1 and active and state = $2")
        .execute(Tuple.of(videoId, REVIEW)).map(rows -> rows.rowCount() == 1);
  }

  /** Ignore: never organized; the file stays where it is. */
  public Future<Boolean> ignore(long videoId) {
    return pool.preparedQuery("update videos set state = $3, reason = 'ignored on the review page', updated_at = now() "
            + "where id = $1 and active and state = $2")
        .execute(Tuple.of(videoId, REVIEW, VideoState.REJECTED.db())).map(rows -> rows.rowCount() == 1);
  }

  /** The newest live correction that names this file: same content hash, same release folder, or same show. */
  public Future<Optional<Stored>> correctionFor(String contentHash, String source, String folder, String showKey) {
    return pool.preparedQuery("select id, kind, identity, summary from corrections where revoked_at is null and identity is not null "
            + "and ((content_hash is not null and content_hash = $1) or (folder is not null and source = $2 and folder = $3) "
            + "or (show_key is not null and show_key = $4 and kind = 'tv')) order by id desc limit 1")
        .execute(Tuple.of(contentHash, source, folder, showKey))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
  }

  private static Stored stored(Row r) {
    return new Stored(r.getLong("id"), r.getString("kind"), CorrectionIdentity.read(r.getJsonObject("identity")),
        r.getString("summary"));
  }

  /**
   * Takes a correction back: no longer reused; every video it named that is not yet organized
   * goes back to review. Returns {@code {"back_to_review": n, "organized": [video ids]}}.
   */
  public Future<JsonObject> revoke(long correctionId) {
    return pool.withTransaction(conn -> conn.preparedQuery("update corrections set revoked_at = now() where id = $1 "
            + "and revoked_at is null returning id").execute(Tuple.of(correctionId))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(new java.util.NoSuchElementException(
            "no live correction " + correctionId)) : Future.succeededFuture())
        // Identified by it and not yet organized (the step that organizes it checks the state first).
        .compose(x -> conn.preparedQuery("with back as (update videos v set state = $2, "
                + "reason = 'a correction was taken back: answer again', updated_at = now() from correction_uses u "
                + "where u.correction_id = $1 and u.video_id = v.id and v.active and v.state = any($3) "
                + "returning v.id) delete from media_matches m using back where m.video_id = back.id returning m.video_id")
            .execute(Tuple.of(correctionId, REVIEW,
                new String[] {VideoState.IDENTIFIED.db(), VideoState.ANALYZED.db()})))
        .compose(back -> conn.preparedQuery("select v.id from correction_uses u join videos v on v.id = u.video_id "
                + "where u.correction_id = $1 and v.state = any($2) order by v.id").execute(Tuple.tuple().addLong(correctionId).addArrayOfString(IN_LIBRARY))
            .map(organized -> {
              JsonArray ids = new JsonArray();
              organized.forEach(r -> ids.add(r.getLong("id")));
              return new JsonObject().put("correction", correctionId).put("back_to_review", back.rowCount()).put("organized", ids);
            })));
  }

  /** The corrections that named a video, with when, newest first. */
  public Future<JsonArray> corrections(long videoId) {
    return pool.preparedQuery("select c.id, c.summary, c.scope, c.revoked_at, u.applied_at, c.video_id = u.video_id as answered "
            + "from correction_uses u join corrections c on c.id = u.correction_id where u.video_id = $1 order by u.applied_at desc")
        .execute(Tuple.of(videoId)).map(rows -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            out.add(new JsonObject().put("id", r.getLong("id")).put("summary", r.getString("summary"))
                .put("scope", r.getString("scope")).put("revoked", r.getOffsetDateTime("revoked_at") != null)
                .put("applied", (r.getBoolean("answered") ? "answered on the review page " : "applied without asking ")
                    + r.getOffsetDateTime("applied_at")));
          }
          return out;
        });
  }

  /** Ids of active videos waiting in review, for the correction sweep. */
  public Future<List<Video>> waiting(int limit) {
    return pool.preparedQuery("""
            select id, source, rel_path, display_path, size, mtime_ms, quick_hash, content_hash, state, reason, sidecars, active
            from videos where active and state = $2 order by id limit $1""")
        .execute(Tuple.of(limit, REVIEW)).map(rows -> {
          List<Video> out = new java.util.ArrayList<>();
          rows.forEach(r -> out.add(Video.from(r)));
          return out;
        });
  }
}
