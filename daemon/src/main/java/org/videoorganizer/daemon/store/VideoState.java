package org.videoorganizer.daemon.store;

import java.util.Optional;
import java.util.Set;
import org.videoorganizer.jellyfin.confirm.ConfirmationState;

/**
 * Where a video is in the flow, and what that means: whether a stage still moves it on by itself
 * ({@link #inProgress}), whether it is in the library ({@link #inLibrary}), whether a person must
 * act ({@link #needsPerson}), and whether the flow has ended for it ({@link #terminal}). Queries
 * ask these instead of listing state names.
 */
public enum VideoState {
  DISCOVERED(Phase.IN_PROGRESS),
  FINGERPRINTED(Phase.IN_PROGRESS),
  IDENTIFIED(Phase.IN_PROGRESS),
  ANALYZED(Phase.IN_PROGRESS),
  /** Waiting for a person's answer on the review page. */
  NEEDS_REVIEW(Phase.WAITING_FOR_PERSON),
  /** The same bytes as another video; kept where it is. */
  DUPLICATE(Phase.ENDED),
  ORGANIZED(Phase.IN_LIBRARY),
  /** Organized and announced to Jellyfin; the confirmation loop watches it. */
  ANNOUNCED(Phase.IN_LIBRARY),
  /** Jellyfin shows the video with the TMDB id it was organized under. */
  CONFIRMED(Phase.IN_LIBRARY),
  /** Jellyfin identified the video as something else and a correction did not stick: a person must look. */
  MISMATCHED(Phase.IN_LIBRARY_WAITING_FOR_PERSON),
  /** Never imported as it is (bad name, damaged, ignored on the review page). */
  REJECTED(Phase.ENDED),
  /** A step failed on its last attempt. */
  FAILED(Phase.ENDED_WAITING_FOR_PERSON),
  /** The file went away before it was organized. */
  VANISHED(Phase.ENDED);

  private enum Phase { IN_PROGRESS, WAITING_FOR_PERSON, IN_LIBRARY, IN_LIBRARY_WAITING_FOR_PERSON, ENDED,
    ENDED_WAITING_FOR_PERSON }

  private final Phase phase;

  VideoState(Phase phase) {
    this.phase = phase;
  }

  /** A stage will move the video on without anyone acting (its file must not be replaced under it). */
  public boolean inProgress() {
    return phase == Phase.IN_PROGRESS;
  }

  /** The video is in the library (it may still be checked by Jellyfin). */
  public boolean inLibrary() {
    return phase == Phase.IN_LIBRARY || phase == Phase.IN_LIBRARY_WAITING_FOR_PERSON;
  }

  /** Nothing moves the video on by itself any more: only a person or a changed file does. */
  public boolean terminal() {
    return !inProgress();
  }

  /** A person must act: answer a review question, look at a failure or at what Jellyfin made of it. */
  public boolean needsPerson() {
    return phase == Phase.WAITING_FOR_PERSON || phase == Phase.IN_LIBRARY_WAITING_FOR_PERSON
        || phase == Phase.ENDED_WAITING_FOR_PERSON;
  }

  /** Not yet in the library, and not given up: the video still holds a file that should be organized. */
  public boolean awaitingLibrary() {
    return phase == Phase.IN_PROGRESS || phase == Phase.WAITING_FOR_PERSON;
  }

  /** Listed among the status page's problems: a person must act, or the flow stopped short of the library. */
  public boolean problem() {
    return needsPerson() || this == REJECTED || this == VANISHED;
  }

  /**
   * Whether a step's own move to this state may replace {@code current}. Jellyfin's verdict
   * (CONFIRMED, MISMATCHED) can arrive while the announce step is still finishing: that step's
   * ANNOUNCED must not overwrite it.
   */
  public boolean mayReplace(VideoState current) {
    return !(this == ANNOUNCED && (current == CONFIRMED || current == MISMATCHED));
  }

  /** Its bytes do not count as a live copy: a second video with the same bytes is not a duplicate of it. */
  public boolean setAside() {
    return phase == Phase.ENDED || phase == Phase.ENDED_WAITING_FOR_PERSON;
  }

  /**
   * What Jellyfin's answer makes of an announced video: CONFIRMED or MISMATCHED; empty for the
   * confirmation loop's other states (still waiting, deleted in Jellyfin, never appeared), which
   * leave the video as it is.
   */
  public static Optional<VideoState> after(ConfirmationState confirmation) {
    return switch (confirmation) {
      case CONFIRMED -> Optional.of(CONFIRMED);
      case MISMATCHED -> Optional.of(MISMATCHED);
      case WAITING, DELETED, MISSING -> Optional.empty();
    };
  }

  /** The states for which {@code test} holds. */
  public static Set<VideoState> where(java.util.function.Predicate<VideoState> test) {
    return DbEnum.where(VideoState.class, test);
  }

  /** The database names of the states for which {@code test} holds, for a {@code state = any($n)} parameter. */
  static String[] names(java.util.function.Predicate<VideoState> test) {
    return DbEnum.names(VideoState.class, test);
  }

  public String db() {
    return DbEnum.db(this);
  }

  public static VideoState of(String db) {
    return DbEnum.of(VideoState.class, db);
  }
}
