package org.videoorganizer.daemon.plan;

import java.util.List;
import org.videoorganizer.core.naming.MediaIdentity;

/**
 * A video and its sidecars, planned as one unit: they reach the library together or not at all
 * (a sidecar may be skipped alone; the video never goes without being asked).
 *
 * @param id position in the plan, from 1
 * @param files the video first, then its sidecars
 * @param action what the plan does with the unit
 * @param reason why, in words a person reads
 * @param identity who the video is, when named
 * @param nfos NFO files written for the video once it is in the library (empty when none)
 */
public record PlannedUnit(int id, List<PlannedFile> files, Action action, String reason, MediaIdentity identity,
    List<PlannedNfo> nfos) {

  /** What happens to a unit. */
  public enum Action {
    /** Goes to the library. */
    ORGANIZE,
    /** Stays: not sure who it is; a person decides. */
    REVIEW,
    /** Stays: deliberately left out. */
    SKIP,
    /** Stays: identifying it failed (TMDB down, key rejected); counts as a failure. */
    FAIL
  }

  /** A unit that writes no NFO. */
  public PlannedUnit(int id, List<PlannedFile> files, Action action, String reason, MediaIdentity identity) {
    this(id, files, action, reason, identity, List.of());
  }

  public PlannedUnit {
    files = List.copyOf(files);
    nfos = List.copyOf(nfos);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a planned unit needs at least one file; unit " + id + " has none");
    }
  }

  /** The video (or the single skipped file). */
  public PlannedFile video() {
    return files.getFirst();
  }
}
