package org.videoorganizer.daemon.plan;

import java.nio.file.Path;

/**
 * One file of a planned unit.
 *
 * @param source where it is now
 * @param target where it goes in the library, or null when it stays (skipped, review)
 * @param role what it is to the video
 * @param note what the planner saw at the target, or null ("target exists")
 */
public record PlannedFile(Path source, Path target, Role role, String note) {

  /** What the file is to its video. */
  public enum Role {
    VIDEO,
    SUBTITLE,
    NFO,
    ARTWORK
  }
}
