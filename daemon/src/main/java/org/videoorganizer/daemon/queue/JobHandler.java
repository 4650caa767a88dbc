package org.videoorganizer.daemon.queue;

import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.daemon.store.VideoState;

/** What the queue runs: one step of a job. Runs on a virtual thread and may block. */
public interface JobHandler {

  /**
   * Does the step's work and says what to record. Throwing means "try again later" (with
   * back-off, until the attempts run out); a permanent problem is a normal {@link Step} that
   * records it.
   */
  Step handle(Job job, LeaseCheck lease) throws Exception;

  /** What to record when the last attempt failed. */
  List<Change> gaveUp(Job job, String error);

  /** The outcome of a step: changes committed with the job's completion, and the next stage. */
  record Step(List<Change> changes, Optional<String> next) {
    public Step {
      changes = List.copyOf(changes);
    }

    /** True when the step moves its video to {@code state}. */
    public boolean movesTo(VideoState state) {
      return changes.stream().anyMatch(c -> c instanceof Change.StateChanged s && s.state() == state);
    }
  }

  /** Lets a long step stop before its next side effect once the lease is lost or shutdown began. */
  interface LeaseCheck {
    /** Throws when the step must stop now. */
    void check();
  }
}
