package org.videoorganizer.daemon.pipeline;

import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;
import org.videoorganizer.daemon.store.Change;

/** Runs the configured {@link Analyzer}; stores what it found; hands the video to organize. */
final class AnalyzeStage implements Stage {

  private final Sources sources;
  private final Analyzer analyzer;

  AnalyzeStage(Sources sources, Analyzer analyzer) {
    this.sources = sources;
    this.analyzer = analyzer;
  }

  @Override
  public String name() {
    return "analyze";
  }

  @Override
  public Step run(Video video, Job job, LeaseCheck lease) throws Exception {
    if (video.state() != VideoState.IDENTIFIED) {
      return Outcomes.nothing();
    }
    long start = System.nanoTime();
    Optional<String> result = analyzer.analyze(sources.file(video));
    lease.check();
    if (result.isEmpty()) {
      return new Step(List.of(), Optional.of("organize"));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return Outcomes.advance(video.id(), VideoState.ANALYZED, "organize",
        new Change.Analyzed(video.id(), analyzer.getClass().getSimpleName(), result.get(), seconds));
  }
}
