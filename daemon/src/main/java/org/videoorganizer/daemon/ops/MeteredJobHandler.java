package org.videoorganizer.daemon.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.videoorganizer.daemon.queue.JobHandler;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.Change;

/**
 * Times each step: {@code vorg_step_seconds{stage, outcome}}, outcome {@code done} when the
 * step returned (whatever it recorded) and {@code error} when it threw (to be retried).
 */
public final class MeteredJobHandler implements JobHandler {

  private final JobHandler inner;
  private final MeterRegistry registry;

  public MeteredJobHandler(JobHandler inner, MeterRegistry registry) {
    this.inner = inner;
    this.registry = registry;
  }

  @Override
  public Step handle(Job job, LeaseCheck lease) throws Exception {
    long start = System.nanoTime();
    String outcome = "error";
    try {
      Step step = inner.handle(job, lease);
      outcome = "done";
      return step;
    } finally {
      Timer.builder("vorg_step").description("time of one pipeline step").tag("stage", job.stage()).tag("outcome", outcome)
          .publishPercentileHistogram(false).register(registry)
          .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public List<Change> gaveUp(Job job, String error) {
    registry.counter("vorg_step_gave_up", "stage", job.stage()).increment();
    return inner.gaveUp(job, error);
  }
}
