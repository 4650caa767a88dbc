package org.videoorganizer.daemon.store;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a job is in the queue of record ({@code jobs.state}, the set its CHECK constraint allows):
 * waiting for its {@code run_at}, leased to a worker, or finished one way or the other. Queries
 * bind these instead of writing state names into their SQL.
 */
public enum JobState {
  /** Waiting for its {@code run_at}: claimable from then on. */
  QUEUED(true),
  /** Leased to a worker until {@code lease_expires_at}; claimable again once the lease has expired. */
  RUNNING(true),
  /** Its step completed; queueing the same stage for the video again starts it over. */
  DONE(false),
  /** Its last attempt failed; a retry from the page or queueing it again starts it over. */
  FAILED(false);

  private final boolean open;

  JobState(boolean open) {
    this.open = open;
  }

  /** The job still has a step to run (queued or running): something will happen to its video. */
  public boolean open() {
    return open;
  }

  /** The states for which {@code test} holds. */
  public static Set<JobState> where(Predicate<JobState> test) {
    return DbEnum.where(JobState.class, test);
  }

  /** The database names of the states for which {@code test} holds, for a {@code state = any($n)} parameter. */
  static String[] names(Predicate<JobState> test) {
    return DbEnum.names(JobState.class, test);
  }

  public String db() {
    return DbEnum.db(this);
  }

  public static JobState of(String db) {
    return DbEnum.of(JobState.class, db);
  }
}
