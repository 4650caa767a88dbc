package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Videos and sources: what ingestion records. Every write is idempotent. */
public final class VideoStore {

  /** The first stage a discovered video is queued for. */
  public static final String FIRST_STAGE = "fingerprint";

  private static final String[] IN_PROGRESS = VideoState.names(VideoState::inProgress);
  private static final String[] IN_LIBRARY = VideoState.names(VideoState::inLibrary);
  private static final String[] AWAITING_LIBRARY = VideoState.names(VideoState::awaitingLibrary);
  private static final String[] SET_ASIDE = VideoState.names(VideoState::setAside);

  private final Pool pool;

  public VideoStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> upsertSource(String name, String path) {
    return pool.preparedQuery("insert into sync_sources (name, path) values ($1, $2) "
            + "on conflict (name) do update set path = excluded.path, updated_at = now()")
        .execute(Tuple.of(name, path)).mapEmpty();
  }

  /** Records a scan; {@code available} is false when the folder or its mount was not there. */
  public Future<Void> recordScan(String name, int files, Optional<String> error, boolean available) {
    return pool.preparedQuery("update sync_sources set last_scan_at = now(), last_scan_files = $2, "
            + "last_scan_error = $3, available = $4, updated_at = now() where name = $1")
        .execute(Tuple.of(name, files, error.orElse(null), available)).mapEmpty();
  }

  /** What the database knows of an active file: enough for the scanner's change check. */
  public record Known(long id, long size, long mtimeMs, VideoState state, Optional<String> reason) {}

  /** Active rel_path -> what is known of it, for the scanner's change check. */
  public Future<java.util.Map<String, Known>> activePaths(String source) {
    return pool.preparedQuery("select id, rel_path, size, mtime_ms, state, reason from videos where source = $1 and active")
        .execute(Tuple.of(source))
        .map(rows -> {
          java.util.Map<String, Known> out = new java.util.HashMap<>();
          rows.forEach(r -> out.put(r.getString("rel_path"), new Known(r.getLong("id"), r.getLong("size"),
              r.getLong("mtime_ms"), VideoState.of(r.getString("state")), Optional.ofNullable(r.getString("reason")))));
          return out;
        });
  }

  /**
   * Takes a rejected video through the flow again (its file was unreadable and is readable
   * now): back to DISCOVERED and its first stage queued. Returns the job id, or empty when the
   * row is no longer an active rejection.
   */
  public Future<Optional<Long>> retry(long id) {
    return pool.withTransaction(conn -> conn.preparedQuery("update videos set state = $2, reason = null, "
            + "updated_at = now() where id = $1 and active and state = $3 returning id")
        .execute(Tuple.of(id, VideoState.DISCOVERED.db(), VideoState.REJECTED.db()))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(Optional.<Long>empty())
            : JobStore.enqueue(conn, id, FIRST_STAGE).map(Optional::of)));
  }

  /**
   * Records a stable file and queues its first stage. Returns the new job id, or empty when the
   * file is already known at that path with the same size and mtime (or is being worked on).
   */
  public Future<Optional<Long>> discover(String source, String relPath, String display, long size, long mtimeMs) {
    return pool.withTransaction(conn -> replaceChanged(conn, source, relPath, size, mtimeMs)
        // A listing taken just before another worker moved the file away must not bring it back:
        // the same size and mtime at the same path, already organized, is that file.
        .compose(x -> conn.preparedQuery("insert into videos (source, rel_path, display_path, size, mtime_ms, state) "
                + "select $1, $2, $3, $4, $5, $6 where not exists (select 1 from videos where source = $1 "
                + "and rel_path = $2 and size = $4 and mtime_ms = $5 and not active and state = any($7)) "
                + "on conflict (source, rel_path) where active do nothing returning id")
            .execute(Tuple.of(source, relPath, display, size, mtimeMs, VideoState.DISCOVERED.db(), IN_LIBRARY)))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(Optional.<Long>empty())
            : JobStore.enqueue(conn, rows.iterator().next().getLong("id"), FIRST_STAGE).map(Optional::of)));
  }

  /** Records a file that can never be imported as it is (bad name, zero bytes, symlink). */
  public Future<Boolean> reject(String source, String relPath, String display, long size, long mtimeMs, String reason) {
    return pool.withTransaction(conn -> replaceChanged(conn, source, relPath, size, mtimeMs)
        .compose(x -> conn.preparedQuery("insert into videos (source, rel_path, display_path, size, mtime_ms, state, reason) "
                + "values ($1, $2, $3, $4, $5, $7, $6) on conflict (source, rel_path) where active do nothing")
            .execute(Tuple.from(new Object[] {source, relPath, display, size, mtimeMs, reason, VideoState.REJECTED.db()})))
        .map(rows -> rows.rowCount() > 0));
  }

  // A row at the same path is replaced only when the file changed and no stage is working on it.
  private static Future<Void> replaceChanged(SqlConnection conn, String source, String relPath, long size, long mtimeMs) {
    return conn.preparedQuery("update videos set active = false, updated_at = now() where source = $1 and rel_path = $2 "
            + "and active and (size <> $3 or mtime_ms <> $4) and state <> all($5)")
        .execute(Tuple.of(source, relPath, size, mtimeMs, IN_PROGRESS)).mapEmpty();
  }

  /** The database's clock, taken before a listing so {@link #markGone} can tell older rows from newer. */
  public Future<java.time.OffsetDateTime> clock() {
    return pool.query("select clock_timestamp() as t").execute()
        .map(rows -> rows.iterator().next().getOffsetDateTime("t"));
  }

  /**
   * After a complete scan whose listing began at {@code listedAt} (see {@link #clock}): active
   * rows whose file is gone are no longer active; those not yet organized become VANISHED with a
   * reason. Rows with a step still to run (queued or running) are left alone: that step looks for
   * the file itself and knows more (an organize step cut short after the file went into the
   * library finds it there and finishes). So are rows recorded after the listing began: another
   * daemon may have found a file this listing was too early to see.
   */
  public Future<Integer> markGone(String source, List<String> seen, java.time.OffsetDateTime listedAt) {
    return pool.preparedQuery("with gone as (select id from videos v where source = $1 and active "
            + "and not (rel_path = any($2)) and discovered_at < $3 "
            + "and not exists (select 1 from jobs j where j.video_id = v.id and j.state = any($6))) "
            + "update videos v set active = false, updated_at = now(), "
            + "state = case when state = any($4) then $5 else state end, "
            + "reason = case when state = any($4) "
            + "then 'the file disappeared from the source before it was organized' else reason end "
            + "from gone where v.id = gone.id")
        .execute(Tuple.tuple().addString(source).addArrayOfString(seen.toArray(String[]::new)).addOffsetDateTime(listedAt)
            .addArrayOfString(AWAITING_LIBRARY).addString(VideoState.VANISHED.db())
            .addArrayOfString(JobState.names(JobState::open)))
        .map(rows -> rows.rowCount());
  }

  /** What a scan saw of a file that is not yet stable. */
  public record Waiting(String relPath, String display, long size, long mtimeMs) {}

  /** A file seen changing for {@code changing}, from its first sighting to its last change. */
  public record Unstable(String display, Duration changing) {

    /** Why it is listed, for the status page and the log. */
    public String reason() {
      long minutes = changing.toMinutes();
      String after = minutes > 0 ? minutes + " minutes" : changing.toSeconds() + " seconds";
      return "still changing after " + after + ": is a download stalled? It is taken as soon as it stops changing";
    }
  }

  /**
   * Records the files of a source still waiting to become stable, as seen at {@code now}: a new
   * one with its first sighting, a changed one with the time of the change. After a complete scan
   * the source's other rows go (their files were taken, or are gone). Returns the files now seen
   * changing for {@code limit} or longer that were not reported before (each is reported once).
   */
  public Future<List<Unstable>> trackWaiting(String source, List<Waiting> waiting, boolean complete, Instant now,
      Duration limit) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    Tuple seen = Tuple.tuple().addString(source)
        .addArrayOfString(waiting.stream().map(Waiting::relPath).toArray(String[]::new))
        .addArrayOfString(waiting.stream().map(Waiting::display).toArray(String[]::new))
        .addArrayOfLong(waiting.stream().map(Waiting::size).toArray(Long[]::new))
        .addArrayOfLong(waiting.stream().map(Waiting::mtimeMs).toArray(Long[]::new))
        .addOffsetDateTime(at);
    return pool.withTransaction(conn -> conn.preparedQuery("insert into waiting_files (source, rel_path, display_path, "
            + "size, mtime_ms, first_seen_at, changed_at) select $1, w.rel_path, w.display_path, w.size, w.mtime_ms, $6, $6 "
            + "from unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[]) as w(rel_path, display_path, size, mtime_ms) "
            + "on conflict (source, rel_path) do update set display_path = excluded.display_path, size = excluded.size, "
            + "mtime_ms = excluded.mtime_ms, changed_at = case when waiting_files.size <> excluded.size "
            + "or waiting_files.mtime_ms <> excluded.mtime_ms then greatest(waiting_files.changed_at, excluded.changed_at) "
            + "else waiting_files.changed_at end").execute(seen)
        .compose(x -> !complete ? Future.<Void>succeededFuture() : conn.preparedQuery("delete from waiting_files "
                + "where source = $1 and not (rel_path = any($2))")
            .execute(Tuple.tuple().addString(source).addArrayOfString(seen.getArrayOfStrings(1))).mapEmpty())
        .compose(x -> conn.preparedQuery("update waiting_files set reported_at = $2 where source = $1 "
                + "and reported_at is null and changed_at - first_seen_at >= make_interval(secs => $3) "
                + "returning display_path, first_seen_at, changed_at")
            .execute(Tuple.of(source, at, limit.toMillis() / 1000.0)))
        .map(rows -> {
          List<Unstable> out = new java.util.ArrayList<>();
          rows.forEach(r -> out.add(unstable(r)));
          return out;
        }));
  }

  static Unstable unstable(Row r) {
    return new Unstable(r.getString("display_path"),
        Duration.between(r.getOffsetDateTime("first_seen_at"), r.getOffsetDateTime("changed_at")));
  }

  public Future<Video> get(long id) {
    return pool.preparedQuery("""
            select id, source, rel_path, display_path, size, mtime_ms, quick_hash, content_hash, state, reason, sidecars, active
            from videos where id = $1""").execute(Tuple.of(id))
        .map(rows -> Video.from(rows.iterator().next()));
  }

  /** The oldest other video with the same content that was not itself a duplicate or rejected. */
  public Future<Optional<Long>> original(long id, String contentHash) {
    return pool.preparedQuery("select id from videos where content_hash = $1 and id <> $2 "
            + "and state <> all($3) order by id limit 1")
        .execute(Tuple.of(contentHash, id, SET_ASIDE))
        .map(rows -> rows.size() == 0 ? Optional.<Long>empty() : Optional.of(rows.iterator().next().getLong("id")));
  }

  public Future<List<Video>> all() {
    return pool.query("""
            select id, source, rel_path, display_path, size, mtime_ms, quick_hash, content_hash, state, reason, sidecars, active
            from videos order by id""").execute()
        .map(rows -> { List<Video> out = new java.util.ArrayList<>(); rows.forEach(r -> out.add(Video.from(r))); return out; });
  }
}
