package org.videoorganizer.daemon.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.VideoState;

/** Short builders for the changes a stage commits with its job. */
final class Outcomes {

  private Outcomes() {}

  static Change state(long videoId, VideoState state, String reason) {
    return new Change.StateChanged(videoId, state, reason);
  }

  /** Moves the video to {@code state} and queues {@code next}. */
  static Step advance(long videoId, VideoState state, String next, Change... more) {
    List<Change> writes = new ArrayList<>(List.of(more));
    writes.add(state(videoId, state, null));
    return new Step(writes, Optional.of(next));
  }

  /** Keeps the video in {@code state} with a reason a person reads, and queues {@code next}. */
  static Step handOn(long videoId, VideoState state, String reason, String next) {
    return new Step(List.of(state(videoId, state, reason)), Optional.of(next));
  }

  /** Ends the flow for now in {@code state} with a reason a person reads. */
  static Step stop(long videoId, VideoState state, String reason, Change... more) {
    List<Change> writes = new ArrayList<>(List.of(more));
    writes.add(state(videoId, state, reason));
    return new Step(writes, Optional.empty());
  }

  /**
   * Queues the job again for later without counting the attempt, keeping {@code reason} as its
   * last error for the status page: for waits that are no fault of the job (a mount that is down).
   * The delay is half the time the job has existed, from 1 to 60 seconds, with jitter.
   */
  static Step later(Job job, String reason) {
    return new Step(List.of(new Change.RetryLater(job.id(), reason)), Optional.empty());
  }

  /** Nothing to do (the video is not in the state this stage expects any more). */
  static Step nothing() {
    return new Step(List.of(), Optional.empty());
  }
}
