package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the {@link Change}s a step decided into SQL, run in order on the step's own connection
 * (inside its transaction). The one place a stage's outcome becomes statements.
 */
final class Changes {

  private Changes() {}

  /** One statement and its arguments. */
  record Statement(String sql, Tuple args) {}

  static Future<Void> apply(SqlConnection conn, List<Change> changes) {
    Future<Void> chain = Future.succeededFuture();
    for (Change change : changes) {
      for (Statement s : statements(change)) {
        chain = chain.compose(x -> conn.preparedQuery(s.sql()).execute(s.args()).mapEmpty());
      }
    }
    return chain;
  }

  private static List<Statement> statements(Change change) {
    return switch (change) {
      case Change.StateChanged c -> List.of(new Statement(
          "update videos set state = $2, reason = $3, updated_at = now() where id = $1 and state <> all($4)",
          Tuple.of(c.videoId(), c.state().db(), c.reason(), VideoState.names(s -> !c.state().mayReplace(s)))));
      case Change.Fingerprinted c -> fingerprinted(c);
      case Change.Matched c -> List.of(MatchColumns.upsert(c));
      case Change.Analyzed c -> List.of(new Statement(
          "insert into analysis_results (video_id, analyzer, result, seconds, cost) values ($1, $2, $3, $4, $5)",
          Tuple.of(c.videoId(), c.analyzer(), new JsonObject(c.resultJson()), c.seconds(),
              java.math.BigDecimal.valueOf(c.costUsd()).setScale(6, java.math.RoundingMode.HALF_UP))));
      case Change.ReviewSeen c -> List.of(new Statement("update videos set review_seen = $2 where id = $1",
          Tuple.of(c.videoId(), new JsonObject(c.seenJson()))));
      case Change.Organized c -> organized(c);
      case Change.RetryLater c -> List.of(new Statement("update jobs set state = $3, lease_owner = null, "
          + "lease_expires_at = null, attempts = greatest(attempts - 1, 0), last_error = $2, updated_at = now(), run_at = now() + "
          + "least(interval '60 seconds', greatest(interval '1 second', (now() - created_at) / 2)) * (0.75 + random() / 2) "
          + "where id = $1", Tuple.of(c.jobId(), c.reason(), JobState.QUEUED.db())));
    };
  }

  private static List<Statement> fingerprinted(Change.Fingerprinted c) {
    var names = new JsonArray();
    var group = c.group();
    group.sidecars().forEach(s -> names.add(group.video().getParent().relativize(s.path()).toString()));
    // Not yet hashed, or set aside: neither holds a live copy of the bytes.
    String[] notLive = VideoState.names(s -> s == VideoState.DISCOVERED || s.setAside());
    return List.of(
        new Statement("select pg_advisory_xact_lock(hashtext($1))", Tuple.of(c.contentHash())),
        // The oldest live video that holds the same bytes, if any: this one is its duplicate.
        new Statement("""
            update videos v set quick_hash = $2, content_hash = $3, sidecars = $4, source_group = $5, updated_at = now(),
              duplicate_of = live.id, state = case when live.id is null then $8 else $7 end
            from (select min(o.id) as id from videos o
                  where o.content_hash = $3 and o.id <> $1 and o.state <> all($6)) live
            where v.id = $1""",
            Tuple.tuple().addLong(c.videoId()).addString(c.quickHash()).addString(c.contentHash()).addValue(names)
                .addValue(OrganizeStore.toJson(group)).addArrayOfString(notLive)
                .addString(VideoState.DUPLICATE.db()).addString(VideoState.FINGERPRINTED.db())),
        new Statement("update videos set reason = 'the same bytes as video ' || duplicate_of || '; kept, not imported twice' "
            + "where id = $1 and state = $2", Tuple.of(c.videoId(), VideoState.DUPLICATE.db())));
  }

  private static List<Statement> organized(Change.Organized c) {
    List<Statement> out = new ArrayList<>();
    for (Change.Carried s : c.sidecars()) {
      out.add(new Statement("insert into organized_files (video_id, library_path, content_hash, size, role) "
          + "values ($1, $2, '', $3, 'sidecar') on conflict (library_path) do nothing",
          Tuple.of(c.videoId(), s.target().toString(), s.bytes())));
    }
    // Counted before the rows below: when another video already holds the path this one is a
    // duplicate and counts nothing.
    out.add(new Statement("""
        insert into stats (day, name, value)
        select current_date, n, v from (values ($1, 1.0::float8), ($2, $3::float8)) as t(n, v)
        where not exists (select 1 from organized_files where library_path = $4 and video_id <> $5)
        on conflict (day, name) do update set value = stats.value + excluded.value""",
        Tuple.of(DailyStats.ORGANIZED_FILES, DailyStats.ORGANIZED_BYTES, (double) c.size(), c.target().toString(), c.videoId())));
    out.add(new Statement("insert into organized_files (video_id, library_path, content_hash, size) "
        + "values ($1, $2, $3, $4) on conflict (library_path) do nothing",
        Tuple.of(c.videoId(), c.target().toString(), c.contentHash(), c.size())));
    // Another video already holds the library path: this one is its duplicate.
    out.add(new Statement("""
        update videos v set active = $3, updated_at = now(),
          state = case when taken.id is null then $5 else $4 end,
          reason = case when taken.id is null then null else 'the same bytes are already in the library at ' || $2 end
        from (select min(video_id) as id from organized_files where library_path = $2 and video_id <> $1) taken
        where v.id = $1""", Tuple.of(c.videoId(), c.target().toString(), c.keepsSource(), VideoState.DUPLICATE.db(),
        VideoState.ORGANIZED.db())));
    return out;
  }
}
