package org.videoorganizer.daemon.store;

/** Where a video is in the flow. Terminal states need a person or a changed file to move on. */
public enum VideoState {
  DISCOVERED,
  FINGERPRINTED,
  IDENTIFIED,
  ANALYZED,
  NEEDS_REVIEW,
  DUPLICATE,
  ORGANIZED,
  ANNOUNCED,
  REJECTED,
  FAILED,
  VANISHED;

  public String db() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static VideoState of(String db) {
    return valueOf(db.toUpperCase(java.util.Locale.ROOT));
  }
}
