package org.videoorganizer.daemon.app;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a daemon's start brought up, each with how it stops: stopped last started first, by the
 * daemon's stop and by a start that failed half-way, so neither leaves a loop of ours running.
 */
final class Started {

  private static final Logger log = LoggerFactory.getLogger(Started.class);

  /** How one part stops; {@code grace} is what running steps get before their jobs are released. */
  interface Stop {
    void stop(Duration grace) throws Exception;
  }

  private record Part(String name, Stop stop) {}

  private final Deque<Part> parts = new ArrayDeque<>();

  /** Records a part that is running now. */
  synchronized void add(String name, Stop stop) {
    parts.push(new Part(name, stop));
  }

  /**
   * Stops every part, the last one started first. A part that does not stop cleanly is logged and
   * the others still stop; its failures are returned.
   */
  synchronized List<Exception> stopAll(Duration grace) {
    List<Exception> failures = new ArrayList<>();
    while (!parts.isEmpty()) {
      Part p = parts.pop();
      try {
        p.stop().stop(grace);
      } catch (Exception e) {
        log.warn("{} did not stop cleanly: {}", p.name(), e.toString());
        failures.add(e);
      }
    }
    return failures;
  }
}
