package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The numbers behind {@code /api/status}: counts per state, the queue, recent failures, jobs
 * waiting to run again and why, each source's last scan, availability and files still
 * changing for too long, and what content analysis cost today, this month and per video.
 */
public final class StatusQuery {

  private static final int UNSTABLE_SHOWN = 20;

  private final Pool pool;

  public StatusQuery(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> status() {
    JsonObject out = new JsonObject();
    return pool.query("select state, count(*) as n from videos group by state order by state").execute()
        .map(rows -> out.put("videos", counts(rows, "state")))
        .compose(x -> pool.preparedQuery("select state, stage, count(*) as n from jobs where state = any($1) "
            + "group by state, stage order by state, stage").execute(Tuple.of((Object) JobState.names(JobState::open))))
        .map(rows -> out.put("queue", queue(rows)))
        .compose(x -> pool.preparedQuery("select id, display_path, state, reason, updated_at from videos "
            + "where state = any($1) order by updated_at desc, id desc limit 20")
            .execute(Tuple.of((Object) VideoState.names(VideoState::problem))))
        .map(rows -> out.put("recent_problems", problems(rows)))
        .compose(x -> pool.preparedQuery("select stage, last_error, count(*) as n, min(run_at) as next_at from jobs "
            + "where state = $1 and last_error is not null group by stage, last_error order by n desc, stage limit 20")
            .execute(Tuple.of(JobState.QUEUED.db())))
        .map(rows -> out.put("waiting", waiting(rows)))
        .compose(x -> pool.query("select name, path, available, last_scan_at, last_scan_files, last_scan_error "
            + "from sync_sources order by name").execute())
        .map(rows -> out.put("sources", sources(rows)))
        .compose(x -> pool.query("select source, display_path, size, first_seen_at, changed_at, reported_at "
            + "from waiting_files where reported_at is not null order by source, first_seen_at, rel_path").execute())
        .map(rows -> out.put("sources", withUnstable(out.getJsonArray("sources"), rows)))
        .compose(x -> new DailyStats(pool).summary())
        .map(stats -> out.put("stats", stats))
        .compose(x -> new PostgresCostLedger(pool).summary())
        .map(costs -> out.put("analysis", new JsonObject().put("costs", costs)));
  }

  /**
   * Each source's files still changing after {@code ingest.max_unstable_minutes} (stalled
   * downloads?): {@code unstable_count} and the first {@value #UNSTABLE_SHOWN} as {@code unstable}.
   */
  private static JsonArray withUnstable(JsonArray sources, Iterable<Row> rows) {
    java.util.Map<String, JsonObject> byName = new java.util.HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      JsonObject source = sources.getJsonObject(i).put("unstable_count", 0).put("unstable", new JsonArray());
      byName.put(source.getString("name"), source);
    }
    for (Row r : rows) {
      JsonObject source = byName.get(r.getString("source"));
      if (source == null) {
        continue;
      }
      source.put("unstable_count", source.getInteger("unstable_count") + 1);
      JsonArray shown = source.getJsonArray("unstable");
      if (shown.size() < UNSTABLE_SHOWN) {
        shown.add(new JsonObject().put("path", r.getString("display_path"))
            .put("reason", VideoStore.unstable(r).reason()).put("size", r.getLong("size"))
            .put("first_seen_at", String.valueOf(r.getOffsetDateTime("first_seen_at")))
            .put("last_change_at", String.valueOf(r.getOffsetDateTime("changed_at"))));
      }
    }
    return sources;
  }

  private static JsonObject counts(Iterable<Row> rows, String key) {
    JsonObject o = new JsonObject();
    rows.forEach(r -> o.put(r.getString(key), r.getLong("n")));
    return o;
  }

  private static JsonObject queue(Iterable<Row> rows) {
    JsonObject byStage = new JsonObject();
    long queued = 0;
    long running = 0;
    for (Row r : rows) {
      long n = r.getLong("n");
      if (JobState.of(r.getString("state")) == JobState.QUEUED) {
        queued += n;
      } else {
        running += n;
      }
      JsonObject s = byStage.getJsonObject(r.getString("stage"), new JsonObject());
      byStage.put(r.getString("stage"), s.put(r.getString("state"), n));
    }
    return new JsonObject().put(JobState.QUEUED.db(), queued).put(JobState.RUNNING.db(), running).put("by_stage", byStage);
  }

  private static JsonArray problems(Iterable<Row> rows) {
    JsonArray a = new JsonArray();
    rows.forEach(r -> a.add(new JsonObject().put("video", r.getLong("id")).put("path", r.getString("display_path"))
        .put("state", r.getString("state")).put("reason", r.getString("reason"))
        .put("at", String.valueOf(r.getOffsetDateTime("updated_at")))));
    return a;
  }

  /** Jobs queued again after a problem (a mount that is down, TMDB unreachable): why, and when next. */
  private static JsonArray waiting(Iterable<Row> rows) {
    JsonArray a = new JsonArray();
    rows.forEach(r -> a.add(new JsonObject().put("stage", r.getString("stage")).put("reason", r.getString("last_error"))
        .put("jobs", r.getLong("n")).put("next_at", String.valueOf(r.getOffsetDateTime("next_at")))));
    return a;
  }

  private static JsonArray sources(Iterable<Row> rows) {
    JsonArray a = new JsonArray();
    rows.forEach(r -> a.add(new JsonObject().put("name", r.getString("name")).put("path", r.getString("path"))
        .put("available", r.getBoolean("available"))
        .put("last_scan_at", r.getOffsetDateTime("last_scan_at") == null ? null : r.getOffsetDateTime("last_scan_at").toString())
        .put("files", r.getInteger("last_scan_files")).put("error", r.getString("last_scan_error"))));
    return a;
  }
}
