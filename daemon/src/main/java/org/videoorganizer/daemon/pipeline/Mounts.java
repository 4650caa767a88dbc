package org.videoorganizer.daemon.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.daemon.ingest.MountCheck;

/**
 * Checks a folder's mount marker before a step touches it, and logs once when a folder goes
 * away and once when it is back. A step that meets a folder that is not mounted stops with
 * {@link NotMounted}; the pipeline queues its job again for later without counting an attempt
 * (so for any {@link Wait}).
 */
final class Mounts {

  private static final Logger log = LoggerFactory.getLogger(Mounts.class);

  private final Set<Path> down = ConcurrentHashMap.newKeySet();

  /** A step cannot go on yet for a reason that is no fault of its own: it waits, it does not fail. */
  static class Wait extends RuntimeException {
    Wait(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A step needs a folder whose mount marker is missing. */
  static final class NotMounted extends Wait {
    NotMounted(String reason) {
      super(reason);
    }
  }

  /** Returns when {@code folder} is mounted (or has no marker); throws {@link NotMounted} if not. */
  void require(String what, Path folder, Optional<String> marker) {
    Optional<String> problem = MountCheck.problem(what, folder, marker);
    if (problem.isPresent()) {
      if (down.add(folder)) {
        log.warn("{}; steps that need it wait and retry", problem.get());
      }
      throw new NotMounted(problem.get() + "; waiting until it is back");
    }
    if (down.remove(folder)) {
      log.info("{} is mounted again ({})", what, folder);
    }
  }
}
