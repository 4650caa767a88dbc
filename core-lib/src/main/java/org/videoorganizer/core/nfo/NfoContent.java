package org.videoorganizer.core.nfo;

import java.time.LocalDate;
import java.util.List;

/**
 * What an existing NFO file says. Values it does not give are null, lists empty.
 *
 * @param kind the root element's meaning, or what a bare URL points at
 * @param title {@code <title>} (the episode title in an episode NFO)
 * @param showTitle {@code <showtitle>} of an episode NFO
 * @param episodes every {@code <episode>} number, over all {@code <episodedetails>} blocks
 */
public record NfoContent(
    Kind kind,
    String title,
    String originalTitle,
    String showTitle,
    Integer year,
    Long tmdbId,
    String imdbId,
    Long tvdbId,
    Integer season,
    List<Integer> episodes,
    LocalDate aired) {

  /** Which NFO it is. */
  public enum Kind {
    MOVIE,
    TVSHOW,
    SEASON,
    EPISODE,
    UNKNOWN
  }

  public NfoContent {
    episodes = List.copyOf(episodes);
  }

  /** Whether any provider id is known. */
  public boolean hasIds() {
    return tmdbId != null || imdbId != null || tvdbId != null;
  }
}
