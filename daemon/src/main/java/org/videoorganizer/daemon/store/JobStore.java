package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queue of record. Claims use {@code FOR UPDATE SKIP LOCKED}; a claim sets the lease and
 * bumps the fence; every later write of the worker names the fence and fails if it moved on.
 */
public final class JobStore {

  /*
   * Claims due jobs, or the one job $6 when it is due: queued ($4) and its run_at has come, or
   * running ($5) with an expired lease (its worker died). Both the due thread and the doorbell
   * claim with this one statement. The client plans each statement with its values, so the
   * "$6 is null" test folds away: by id it is a primary-key lookup, else a scan of jobs_due.
   */
  private static final String CLAIM = """
      with c as (
        select id from jobs
        where ((state = $4 and run_at <= now()) or (state = $5 and lease_expires_at < now()))
          and ($6::bigint is null or id = $6)
        order by run_at, id
        limit $3
        for update skip locked)
      update jobs j
      set state = $5, lease_owner = $1, lease_expires_at = now() + make_interval(secs => $2),
          attempts = j.attempts + 1, fence = j.fence + 1, updated_at = now()
      from c
      where j.id = c.id
      returning j.id, j.video_id, j.stage, j.attempts, j.fence, j.lease_owner""";

  private final Pool pool;

  public JobStore(Pool pool) {
    this.pool = pool;
  }

  /** The lease was taken over by another worker: stop before the next side effect. */
  public static final class LeaseLost extends RuntimeException {
    LeaseLost(Job job) {
      super("lease of job " + job.id() + " (" + job.stage() + ", fence " + job.fence() + ") was taken over");
    }
  }

  /** Queues a stage for a video (idempotent) and returns the job id. */
  static Future<Long> enqueue(SqlConnection conn, long videoId, String stage) {
    return conn.preparedQuery("""
            insert into jobs (video_id, stage) values ($1, $2)
            on conflict (video_id, stage) do update
            set state = $3, run_at = now(), attempts = 0, last_error = null, updated_at = now()
            where jobs.state = any($4)
            returning id""")
        .execute(Tuple.tuple().addLong(videoId).addString(stage).addString(JobState.QUEUED.db())
            .addArrayOfString(JobState.names(s -> !s.open())))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(rows.iterator().next().getLong("id"))
            : conn.preparedQuery("select id from jobs where video_id = $1 and stage = $2").execute(Tuple.of(videoId, stage))
                .map(r -> r.iterator().next().getLong("id")));
  }

  public Future<List<Job>> claimDue(String owner, int max, Duration lease) {
    return claim(owner, lease, max, null).map(JobStore::jobs);
  }

  /**
   * How long until the next job becomes claimable (a queued job's {@code run_at}, a running job's
   * lease expiry), in database time; empty when nothing waits. Zero or negative: due now.
   */
  public Future<Optional<Duration>> nextDueIn() {
    return pool.preparedQuery("""
            select extract(epoch from least(
              (select min(run_at) from jobs where state = $1),
              (select min(lease_expires_at) from jobs where state = $2)) - now()) as seconds""")
        .execute(Tuple.of(JobState.QUEUED.db(), JobState.RUNNING.db()))
        .map(rows -> Optional.ofNullable(rows.iterator().next().getNumeric("seconds"))
            .map(s -> Duration.ofNanos((long) (s.doubleValue() * 1e9))));
  }

  public Future<Optional<Job>> claim(long id, String owner, Duration lease) {
    return claim(owner, lease, 1, id).map(rows -> jobs(rows).stream().findFirst());
  }

  private Future<RowSet<Row>> claim(String owner, Duration lease, int max, Long id) {
    return pool.preparedQuery(CLAIM).execute(Tuple.tuple().addString(owner).addDouble((double) lease.toSeconds())
        .addInteger(max).addString(JobState.QUEUED.db()).addString(JobState.RUNNING.db()).addLong(id));
  }

  public Future<Void> renew(Job job, Duration lease) {
    return fenced(job, """
        update jobs set lease_expires_at = now() + make_interval(secs => $3), updated_at = now()
        where id = $1 and fence = $2""", (double) lease.toSeconds());
  }

  /** Gives the job back untouched (shutdown): the attempt does not count. */
  public Future<Void> release(Job job) {
    return fenced(job, """
        update jobs set state = $3, lease_owner = null, lease_expires_at = null, run_at = now(),
          attempts = greatest(attempts - 1, 0), fence = fence + 1, updated_at = now()
        where id = $1 and fence = $2""", JobState.QUEUED.db());
  }

  /** Queues the job again after {@code delay}, keeping the error, or fails it for good. */
  public Future<Boolean> retryOrFail(Job job, String error, Duration delay, int maxAttempts) {
    boolean last = job.attempts() >= maxAttempts;
    if (last) {
      return fenced(job, """
          update jobs set state = $3, lease_owner = null, lease_expires_at = null, last_error = $4, updated_at = now()
          where id = $1 and fence = $2""", JobState.FAILED.db(), error).map(x -> true);
    }
    return fenced(job, """
        update jobs set state = $3, lease_owner = null, lease_expires_at = null, last_error = $4,
          run_at = now() + make_interval(secs => $5), updated_at = now()
        where id = $1 and fence = $2""", JobState.QUEUED.db(), error, delay.toMillis() / 1000.0).map(x -> false);
  }

  /**
   * Completes the job and, in the same transaction, applies the stage's outcome: the changes
   * given, then queues {@code next} when present. Fails with {@link LeaseLost} when the fence
   * moved on. Returns the next job's id.
   */
  public Future<Optional<Long>> complete(Job job, List<Change> changes, Optional<String> next) {
    // lease_owner stays: it records which worker completed the job.
    return pool.withTransaction(conn -> conn.preparedQuery("""
            update jobs set state = $3, lease_expires_at = null, last_error = null, updated_at = now()
            where id = $1 and fence = $2 and state = $4""")
        .execute(Tuple.of(job.id(), job.fence(), JobState.DONE.db(), JobState.RUNNING.db()))
        .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture() : Future.failedFuture(new LeaseLost(job)))
        .compose(x -> Changes.apply(conn, changes))
        .compose(x -> next.isEmpty() ? Future.succeededFuture(Optional.<Long>empty())
            : enqueue(conn, job.videoId(), next.get()).map(Optional::of)));
  }

  /** Applies the changes that record a job's final failure, if the job is still failed under this fence. */
  public Future<Void> recordGaveUp(Job job, List<Change> changes) {
    return pool.withTransaction(conn -> conn.preparedQuery("select 1 from jobs where id = $1 and fence = $2 and state = $3 for update")
        .execute(Tuple.of(job.id(), job.fence(), JobState.FAILED.db()))
        .compose(rows -> rows.size() == 1 ? Changes.apply(conn, changes) : Future.<Void>succeededFuture()));
  }

  // An update of the job under its fence: $1 and $2 are its id and fence, {@code extra} fills $3 onwards.
  private Future<Void> fenced(Job job, String sql, Object... extra) {
    Tuple args = Tuple.of(job.id(), job.fence());
    for (Object value : extra) {
      args.addValue(value);
    }
    return pool.preparedQuery(sql).execute(args)
        .compose(rows -> rows.rowCount() == 1 ? Future.<Void>succeededFuture() : Future.failedFuture(new LeaseLost(job)));
  }

  private static List<Job> jobs(RowSet<Row> rows) {
    List<Job> out = new ArrayList<>();
    rows.forEach(r -> out.add(Job.from(r)));
    return out;
  }
}
