package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures operations watch (metrics, readiness, alerts), read in one go and read-only:
 * videos per state, the queue per stage with the age of its oldest due job, bytes and files
 * organized, analysis seconds, cost and budget stops, Jellyfin confirmations per state, and each source's
 * availability.
 */
public final class OpsQuery {

  private final Pool pool;

  public OpsQuery(Pool pool) {
    this.pool = pool;
  }

  /** One stage of the queue: jobs waiting and running, and how long the oldest due one has waited. */
  public record Queue(long queued, long running, Duration oldestDue) {}

  /** Completes when the database answers a trivial query: the readiness check's probe. */
  public Future<Void> ping() {
    return pool.query("select 1").execute().mapEmpty();
  }

  /** A source as its last scan left it, and when that scan was recorded. */
  public record Source(String name, boolean available, String error, OffsetDateTime checkedAt) {}

  /**
   * @param analysisCost dollars of all remote analysis calls (analysis_costs), all time
   * @param analysisBudgetStopsToday analyses today (UTC) whose remote part a budget stopped
   */
  public record Figures(Map<String, Long> videos, Map<String, Queue> queue, long organizedBytes, long organizedFiles,
      double analysisSeconds, double analysisCost, long analysisBudgetStopsToday, Map<String, Long> confirmations,
      List<Source> sources) {

    public long videosIn(VideoState state) {
      return videos.getOrDefault(state.db(), 0L);
    }
  }

  public Future<Figures> figures() {
    return pool.query("select state, count(*) as n from videos group by state").execute()
        .compose(videos -> pool.preparedQuery("select stage, count(*) filter (where state = $1) as queued, "
            + "count(*) filter (where state = $2) as running, "
            + "coalesce(extract(epoch from now() - min(run_at) filter (where state = $1 and run_at <= now())), 0) as age "
            + "from jobs where state in ($1, $2) group by stage").execute(Tuple.of(JobState.QUEUED.db(), JobState.RUNNING.db()))
        .compose(queue -> pool.query("select coalesce(sum(size), 0) as bytes, count(*) as n from organized_files").execute()
        .compose(organized -> pool.query("select coalesce(sum(seconds), 0) as s, "
            + "(select coalesce(sum(usd), 0)::float8 from analysis_costs) as c, count(*) filter (where result->>'remote' = "
            + "'budget_reached' and created_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC') as stops "
            + "from analysis_results").execute()
        .compose(analysis -> pool.query("select state, count(*) as n from jellyfin_confirmations group by state").execute()
        .compose(confirmations -> pool.query("select name, available, last_scan_error, updated_at from sync_sources "
            + "order by name").execute()
        .map(sources -> {
          Row o = organized.iterator().next();
          Row a = analysis.iterator().next();
          return new Figures(counts(videos), queues(queue), o.getLong("bytes"), o.getLong("n"), a.getDouble("s"),
              a.getDouble("c"), a.getLong("stops"), counts(confirmations), sources(sources));
        }))))));
  }

  private static Map<String, Long> counts(Iterable<Row> rows) {
    Map<String, Long> out = new LinkedHashMap<>();
    rows.forEach(r -> out.put(r.getString("state"), r.getLong("n")));
    return out;
  }

  private static Map<String, Queue> queues(Iterable<Row> rows) {
    Map<String, Queue> out = new LinkedHashMap<>();
    rows.forEach(r -> out.put(r.getString("stage"), new Queue(r.getLong("queued"), r.getLong("running"),
        Duration.ofMillis(Math.round(r.getNumeric("age").doubleValue() * 1000)))));
    return out;
  }

  private static List<Source> sources(Iterable<Row> rows) {
    List<Source> out = new java.util.ArrayList<>();
    rows.forEach(r -> out.add(new Source(r.getString("name"), r.getBoolean("available"), r.getString("last_scan_error"),
        r.getOffsetDateTime("updated_at"))));
    return out;
  }
}
