package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The writes behind the page's manual controls: take a failed video through its failed step
 * again, and announce an organized video to Jellyfin again. Each returns the queued job's id, or
 * empty when the video is not in a state the control applies to.
 */
public final class ControlStore {

  private final Pool pool;

  public ControlStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * A failed video: back to the state its failed step starts from, that step queued again with
   * its attempts reset. A rejected video: from the start ({@link VideoStore#retry}).
   */
  public Future<Optional<Long>> retry(long videoId) {
    return pool.withTransaction(conn -> conn.preparedQuery("with j as (update jobs set state = $7, attempts = 0, "
            + "run_at = now(), last_error = null, lease_owner = null, lease_expires_at = null, updated_at = now() "
            + "where video_id = $1 and state = $8 returning id, stage) "
            + "update videos v set state = case j.stage when 'fingerprint' then $3 when 'identify' then $4 "
            + "when 'announce' then $5 else $6 end, reason = null, updated_at = now() from j "
            + "where v.id = $1 and v.state = $2 returning j.id")
        .execute(Tuple.from(new Object[] {videoId, VideoState.FAILED.db(), VideoState.DISCOVERED.db(),
            VideoState.FINGERPRINTED.db(), VideoState.ORGANIZED.db(), VideoState.IDENTIFIED.db(), JobState.QUEUED.db(),
            JobState.FAILED.db()}))
        .map(rows -> rows.size() == 0 ? Optional.<Long>empty() : Optional.of(rows.iterator().next().getLong("id"))))
        .compose(done -> done.isPresent() ? Future.succeededFuture(done) : new VideoStore(pool).retry(videoId));
  }

  /** A video in the library (organized, announced, confirmed or mismatched): announced to Jellyfin again. */
  public Future<Optional<Long>> reannounce(long videoId) {
    return pool.withTransaction(conn -> conn.preparedQuery("update videos set state = $2, updated_at = now() "
            + "where id = $1 and state = any($3) returning id")
        .execute(Tuple.of(videoId, VideoState.ORGANIZED.db(), VideoState.names(VideoState::inLibrary)))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(Optional.<Long>empty())
            : JobStore.enqueue(conn, videoId, "announce").map(Optional::of)));
  }

  /** Whether the pipeline is paused (for every daemon on this database). */
  public Future<Boolean> paused() {
    return pool.query("select paused from pipeline_control").execute()
        .map(rows -> rows.size() == 1 && rows.iterator().next().getBoolean("paused"));
  }

  /** Pauses ({@code true}) or resumes the pipeline; {@code by} says who, for the log and the page. */
  public Future<Void> pause(boolean paused, String by) {
    return pool.preparedQuery("insert into pipeline_control (id, paused, changed_by) values (true, $1, $2) "
            + "on conflict (id) do update set paused = $1, changed_by = $2, changed_at = now()")
        .execute(Tuple.of(paused, by)).mapEmpty();
  }

  /**
   * The library files of a video in the library (organized, announced, confirmed or mismatched), its video file first; empty when the
   * video is in another state (nothing to put back).
   */
  public Future<Optional<List<Path>>> undoable(long videoId) {
    return pool.preparedQuery("select f.library_path from videos v join organized_files f on f.video_id = v.id "
            + "where v.id = $1 and v.state = any($2) order by f.role = 'video' desc, f.id")
        .execute(Tuple.tuple().addLong(videoId).addArrayOfString(VideoState.names(VideoState::inLibrary))).map(rows -> {
          List<Path> paths = new ArrayList<>();
          rows.forEach(r -> paths.add(Path.of(r.getString("library_path"))));
          return paths.isEmpty() ? Optional.empty() : Optional.of(paths);
        });
  }

  /**
   * Records a video put back out of the library: its files, Jellyfin's confirmations and pending
   * announcements of them are forgotten, and it is rejected with {@code reason} (a retry
   * organizes it again); active again when its file is back at its source path. With {@code
   * askAgain} (its answer was taken back) a video whose file is back waits in review instead,
   * without the taken-back identity.
   */
  public Future<Boolean> undone(long videoId, boolean sourceBack, String reason, boolean askAgain) {
    Tuple one = Tuple.of(videoId);
    String state = askAgain && sourceBack ? "needs_review" : "rejected";
    return pool.withTransaction(conn -> conn.preparedQuery("""
            delete from jellyfin_confirmations
            where local_path in (select library_path from organized_files where video_id = $1)""")
        .execute(one)
        .compose(x -> conn.preparedQuery("""
            delete from jellyfin_announcements
            where library_path in (select library_path from organized_files where video_id = $1)""").execute(one))
        .compose(x -> conn.preparedQuery("delete from organized_files where video_id = $1").execute(one))
        .compose(x -> state.equals("needs_review")
            ? conn.preparedQuery("delete from media_matches where video_id = $1").execute(one) : Future.succeededFuture())
        .compose(x -> conn.preparedQuery("update videos set state = $4, reason = $2, active = $3, updated_at = now() "
            + "where id = $1 and state = any($5)").execute(Tuple.of(videoId, reason, sourceBack, state,
                VideoState.names(VideoState::inLibrary))))
        .map(rows -> rows.rowCount() == 1));
  }
}
