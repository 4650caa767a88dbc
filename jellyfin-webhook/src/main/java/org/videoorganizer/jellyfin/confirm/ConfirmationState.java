package org.videoorganizer.jellyfin.confirm;

/** Where one organized video stands in Jellyfin. */
public enum ConfirmationState {
  /** Announced; Jellyfin has not shown the item with a TMDB id yet. */
  WAITING,
  /** Jellyfin shows the item with our TMDB id. */
  CONFIRMED,
  /** Jellyfin identified the item as another TMDB id; being corrected, or the correction did not stick. */
  MISMATCHED,
  /** Jellyfin reported the item deleted (and no longer has it). */
  DELETED,
  /** The item never appeared within the give-up time. */
  MISSING
}
