package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * Counters per day in the table {@code stats} (day, name, value): what the daemon did and what it
 * cost. Counters a step changes are written in the step's own transaction, so a step that runs
 * twice after a crash counts once; counters kept in memory (TMDB requests) are added in batches.
 */
public final class DailyStats {

  /** Files carried into the library (not counting sidecars or duplicates). */
  public static final String ORGANIZED_FILES = "organized_files";
  /** Their bytes. */
  public static final String ORGANIZED_BYTES = "organized_bytes";
  /** Requests sent to TMDB (the cost of matching; TMDB's own limit is about 40 per second). */
  public static final String TMDB_REQUESTS = "tmdb_requests";
  /** TMDB answers served from the cache instead. */
  public static final String TMDB_CACHE_HITS = "tmdb_cache_hits";

  private static final String ADD = """
      insert into stats (day, name, value) values (current_date, $1, $2)
      on conflict (day, name) do update set value = stats.value + excluded.value""";

  private final Pool pool;

  public DailyStats(Pool pool) {
    this.pool = pool;
  }

  /** Adds {@code value} to today's {@code name} now, outside any step. */
  public Future<Void> addNow(String name, double value) {
    return pool.preparedQuery(ADD).execute(Tuple.of(name, value)).mapEmpty();
  }

  /** {@code today} and {@code last_7_days} (today included): each counter's value. */
  public Future<JsonObject> summary() {
    return pool.query("select name, sum(value) filter (where day = current_date) as today, sum(value) as week "
            + "from stats where day > current_date - 7 group by name order by name").execute()
        .map(rows -> {
          JsonObject today = new JsonObject();
          JsonObject week = new JsonObject();
          for (Row r : rows) {
            today.put(r.getString("name"), number(r.getDouble("today")));
            week.put(r.getString("name"), number(r.getDouble("week")));
          }
          return new JsonObject().put("today", today).put("last_7_days", week);
        });
  }

  private static Number number(Double d) {
    if (d == null) {
      return 0L;
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) d.longValue() : d;
  }
}
