package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.gpu.cost.CostLedger;
import org.videoorganizer.gpu.cost.CostRecord;

/**
 * The cost ledger of content analysis over the table {@code analysis_costs}: each remote call is
 * written when it is paid for, and the budgets read their sums back from the table, so that they
 * hold across restarts and across several daemons sharing one database. Videos are keyed by the
 * store's video id (as text, the ledger's key). The ledger methods block: call them from the
 * analyze step's virtual thread, never from an event loop.
 */
public final class PostgresCostLedger implements CostLedger {

  private static final int VIDEOS_SHOWN = 20;

  private final Pool pool;

  public PostgresCostLedger(Pool pool) {
    this.pool = pool;
  }

  @Override
  public void record(CostRecord c) {
    Blocking.await(pool.preparedQuery("insert into analysis_costs (video_id, backend, task, gpu_class, usd_per_second, "
            + "usd_per_mtok_in, usd_per_mtok_out, wall_ms, execution_ms, queue_ms, tokens_in, tokens_out, audio_seconds, usd, at) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)")
        .execute(Tuple.from(new Object[] {videoId(c.video()), c.backend(), c.task(), c.gpuClass(), c.usdPerSecond(),
            c.usdPerMillionTokensIn(), c.usdPerMillionTokensOut(), c.wallMillis(), c.executionMillis(), c.queueMillis(),
            c.tokensIn(), c.tokensOut(), c.audioSeconds(), new java.math.BigDecimal(c.usd()).setScale(6, java.math.RoundingMode.HALF_UP),
            OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC)})));
  }

  @Override
  public double spentBetween(Instant from, Instant to) {
    return sum(pool.preparedQuery("select coalesce(sum(usd), 0)::float8 as usd from analysis_costs where at >= $1 and at < $2")
        .execute(Tuple.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))));
  }

  @Override
  public double spentOn(String video) {
    return sum(pool.preparedQuery("select coalesce(sum(usd), 0)::float8 as usd from analysis_costs where video_id = $1")
        .execute(Tuple.of(videoId(video))));
  }

  @Override
  public List<CostRecord> recordsOf(String video) {
    var rows = Blocking.await(pool.preparedQuery("select * from analysis_costs where video_id = $1 order by at, id")
        .execute(Tuple.of(videoId(video))));
    List<CostRecord> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new CostRecord(video, r.getString("backend"), r.getString("task"), r.getString("gpu_class"),
          r.getDouble("usd_per_second"), r.getDouble("usd_per_mtok_in"), r.getDouble("usd_per_mtok_out"),
          r.getLong("wall_ms"), r.getLong("execution_ms"), r.getLong("queue_ms"), r.getLong("tokens_in"),
          r.getLong("tokens_out"), r.getDouble("audio_seconds"), r.getNumeric("usd").doubleValue(),
          r.getOffsetDateTime("at").toInstant()));
    }
    return out;
  }

  /**
   * What {@code /api/status} shows under {@code analysis.costs}: dollars today and this month
   * (UTC), all time, the number of remote calls today, and the {@value #VIDEOS_SHOWN} videos that
   * cost most this month. Non-blocking.
   */
  public Future<JsonObject> summary() {
    return pool.query("select coalesce(sum(usd) filter (where at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'), 0)::float8 as today, "
            + "coalesce(sum(usd) filter (where at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'), 0)::float8 as month, "
            + "coalesce(sum(usd), 0)::float8 as total, "
            + "count(*) filter (where at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC') as calls_today "
            + "from analysis_costs").execute()
        .compose(totals -> pool.preparedQuery("select c.video_id, v.display_path, sum(c.usd)::float8 as usd, count(*) as calls "
                + "from analysis_costs c join videos v on v.id = c.video_id "
                + "where c.at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' "
                + "group by c.video_id, v.display_path order by usd desc, c.video_id limit $1").execute(Tuple.of(VIDEOS_SHOWN))
            .map(videos -> {
              Row t = totals.iterator().next();
              JsonArray perVideo = new JsonArray();
              videos.forEach(r -> perVideo.add(new JsonObject().put("video", r.getLong("video_id"))
                  .put("path", r.getString("display_path")).put("usd", round(r.getDouble("usd"))).put("calls", r.getLong("calls"))));
              return new JsonObject().put("today_usd", round(t.getDouble("today"))).put("month_usd", round(t.getDouble("month")))
                  .put("total_usd", round(t.getDouble("total"))).put("calls_today", t.getLong("calls_today"))
                  .put("videos_this_month", perVideo);
            }));
  }

  private static double round(double usd) {
    return Math.round(usd * 1e6) / 1e6;
  }

  private static double sum(Future<io.vertx.sqlclient.RowSet<Row>> query) {
    return Blocking.await(query).iterator().next().getDouble("usd");
  }

  // The daemon books costs under the store's video id; anything else is a wiring mistake.
  private static long videoId(String video) {
    try {
      return Long.parseLong(video);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the daemon's cost ledger keys costs by the store's video id, got '" + video
          + "': build the AnalysisRequest with the video's id", e);
    }
  }
}
