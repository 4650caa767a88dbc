package org.videoorganizer.daemon.sync;

import java.util.List;

/** What publishing one unit to a remote library did, file by file. */
public record PublishResult(String unit, List<FileOutcome> files) {

  public PublishResult {
    files = List.copyOf(files);
  }

  /** True when every file of the unit is in the library. */
  public boolean complete() {
    return files.stream().allMatch(f -> f.state() == State.PLACED || f.state() == State.ALREADY_THERE);
  }

  /** Where one file ended. */
  public enum State {
    /** In the library under its final name, verified; the staging copy is gone. */
    PLACED,
    /**
     * The same bytes (size and server hash) took the final name between the check and the rename:
     * that copy counts as ours, our temporary and the staging copy are gone, one copy is kept.
     */
    ALREADY_THERE,
    /** Another file already has the final name; nothing was overwritten, the staging copy stays. */
    CONFLICT,
    /** Upload or verification failed; the staging copy stays and no temporary is left behind. */
    FAILED
  }

  /** One file's outcome: its path in the library, its state and why. */
  public record FileOutcome(String libraryPath, State state, String detail) {}
}
