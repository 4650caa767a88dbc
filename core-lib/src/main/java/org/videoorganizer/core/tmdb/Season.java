package org.videoorganizer.core.tmdb;

import java.time.LocalDate;
import java.util.List;

/** One season of a show with its episodes; season 0 holds the specials. */
public record Season(long id, int seasonNumber, String name, LocalDate airDate, List<Episode> episodes) {

  public Season {
    episodes = List.copyOf(episodes);
  }
}
