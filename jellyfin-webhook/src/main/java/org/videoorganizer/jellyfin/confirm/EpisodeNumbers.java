package org.videoorganizer.jellyfin.confirm;

/**
 * The numbers we organized an episode file as: season, first and last episode (equal for a
 * single episode). Jellyfin shows them as {@code ParentIndexNumber}, {@code IndexNumber} and
 * {@code IndexNumberEnd}.
 */
public record EpisodeNumbers(int season, int episode, int episodeEnd) {

  public EpisodeNumbers {
    if (season < 0 || episode < 0 || episodeEnd < episode) {
      throw new IllegalArgumentException("episode numbers must be season >= 0 and 0 <= episode <= episodeEnd, got: "
          + season + "/" + episode + "-" + episodeEnd);
    }
  }

  public static EpisodeNumbers single(int season, int episode) {
    return new EpisodeNumbers(season, episode, episode);
  }

  /** {@code S01E02} or {@code S01E02-E03}. */
  public String label() {
    String base = String.format(java.util.Locale.ROOT, "S%02dE%02d", season, episode);
    return episodeEnd == episode ? base : base + String.format(java.util.Locale.ROOT, "-E%02d", episodeEnd);
  }
}
