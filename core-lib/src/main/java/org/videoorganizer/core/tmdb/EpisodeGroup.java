package org.videoorganizer.core.tmdb;

import java.util.List;

/** An alternative order with its groups; each episode keeps its aired season and number. */
public record EpisodeGroup(String id, String name, int type, List<Group> groups) {

  public EpisodeGroup {
    groups = List.copyOf(groups);
  }

  /** One group (a "season" of the alternative order), episodes sorted by their order. */
  public record Group(String id, String name, int order, List<Episode> episodes) {
    public Group {
      episodes = List.copyOf(episodes);
    }
  }
}
