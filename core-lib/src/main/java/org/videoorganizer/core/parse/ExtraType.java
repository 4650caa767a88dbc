package org.videoorganizer.core.parse;

/**
 * The kinds of extra material Jellyfin knows, each with the folder name Jellyfin reads it from
 * (see docs/reference/jellyfin.md). A sample is not an extra Jellyfin shows; organizers skip it.
 */
public enum ExtraType {
  TRAILER("trailers"),
  FEATURETTE("featurettes"),
  BEHIND_THE_SCENES("behind the scenes"),
  DELETED_SCENE("deleted scenes"),
  INTERVIEW("interviews"),
  SCENE("scenes"),
  SHORT("shorts"),
  CLIP("clips"),
  EXTRA("extras"),
  SAMPLE("samples");

  private final String folder;

  ExtraType(String folder) {
    this.folder = folder;
  }

  /** The folder name Jellyfin expects for this kind of extra, next to the main video. */
  public String folder() {
    return folder;
  }
}
