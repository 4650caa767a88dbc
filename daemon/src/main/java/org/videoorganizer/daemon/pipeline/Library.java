package org.videoorganizer.daemon.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.daemon.ingest.MountCheck;

/**
 * The library root as organize steps see it: mounted (its marker present, when one is set) and
 * tidied. The organize journals that earlier runs left unfinished are recovered once, before this
 * daemon's first write into the library: at start when the library is there, else as soon as an
 * organize step finds it back. Until then no organize step writes; each waits and is retried.
 */
final class Library {

  /** Finishes or rolls back what the journals of earlier runs left half done. */
  @FunctionalInterface
  interface Recovery {
    void recover() throws IOException;
  }

  private static final Logger log = LoggerFactory.getLogger(Library.class);

  private final Path root;
  private final Optional<String> marker;
  private final Mounts mounts;
  private final Recovery recovery;
  private volatile boolean recovered;
  private String lastFailure = "";

  Library(Path root, Optional<String> marker, Mounts mounts, Recovery recovery) {
    this.root = root;
    this.marker = marker;
    this.mounts = mounts;
    this.recovery = recovery;
  }

  /**
   * The root, once it is mounted and the journals of earlier runs are recovered.
   *
   * @throws Mounts.Wait when the library is not mounted, or its journals could not be recovered yet
   */
  Path require() {
    mounts.require("the library", root, marker);
    if (!recovered) {
      recover();
    }
    return root;
  }

  /** At start: recovers the journals now if the library is there; else the first step that finds it back does. */
  void recoverIfMounted() {
    Optional<String> unmounted = MountCheck.problem("the library", root, marker);
    if (unmounted.isPresent()) {
      log.warn("{}; unfinished organize journals are recovered as soon as it is back, before anything is written",
          unmounted.get());
      return;
    }
    try {
      recover();
    } catch (Mounts.Wait e) {
      // logged by recover(); organize steps wait until it succeeds
    }
  }

  private synchronized void recover() {
    if (recovered) {
      return;
    }
    try {
      recovery.recover();
      recovered = true;
      log.info("unfinished organize journals of earlier runs in {} recovered", root);
    } catch (IOException | RuntimeException e) {
      String why = "the organize journals of an earlier run in " + root + " could not be recovered (" + e.getMessage()
          + "); nothing is written into the library until they are";
      if (!why.equals(lastFailure)) {
        log.warn(why);
        lastFailure = why;
      }
      throw new Mounts.Wait(why);
    }
  }
}
