package org.videoorganizer.core.tmdb;

/**
 * An alternative order of a show's episodes.
 *
 * @param type 1 original air date, 2 absolute, 3 DVD, 4 digital, 5 story arc, 6 production, 7 TV
 */
public record EpisodeGroupSummary(String id, String name, int type, int groupCount, int episodeCount) {

  /** The type code of the absolute order used by anime. */
  public static final int ABSOLUTE = 2;

  /** True for the absolute order. */
  public boolean isAbsolute() {
    return type == ABSOLUTE;
  }
}
