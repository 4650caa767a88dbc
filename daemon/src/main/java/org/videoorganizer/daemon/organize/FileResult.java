package org.videoorganizer.daemon.organize;

import java.nio.file.Path;

/**
 * What happened to one file.
 *
 * @param source the file as found, or null for an NFO the run wrote
 * @param target its library path, or null when it had none
 * @param outcome what was done
 * @param reason why, for skips and failures; a note otherwise
 * @param bytes bytes that reached the library (0 when none moved)
 */
public record FileResult(Path source, Path target, Outcome outcome, String reason, long bytes) {

  /** The end state of a file. */
  public enum Outcome {
    MOVED,
    COPIED,
    LINKED,
    /** The same bytes were already at the target (a second run, a crash rerun). */
    ALREADY_THERE,
    SKIPPED,
    REVIEW,
    FAILED,
    /** An NFO the run wrote into the library. */
    WRITTEN,
    /** Put back by undo. */
    RESTORED
  }
}
