package org.videoorganizer.daemon.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** In-process dispatch, when no Redis is configured: one daemon, a queue in memory. */
final class LocalDoorbell implements Doorbell {

  private final LinkedBlockingQueue<Long> ids = new LinkedBlockingQueue<>();

  @Override
  public void ring(long jobId) {
    ids.add(jobId);
  }

  @Override
  public List<Long> next(int max, Duration wait) throws InterruptedException {
    List<Long> out = new ArrayList<>();
    Long first = ids.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (first != null) {
      out.add(first);
      ids.drainTo(out, max - 1);
    }
    return out;
  }

  @Override
  public void done(List<Long> jobIds) {
    // nothing to acknowledge in memory
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public void close() {
    ids.clear();
  }
}
