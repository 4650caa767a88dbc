package org.videoorganizer.jellyfin.fake;

import java.time.Instant;
import java.util.Map;

/**
 * An item in the fake server's library, with the fields {@code GET /Items} can show. Episodes
 * also carry their series item's id and their season and episode numbers (0 when unknown).
 */
public record FakeItem(String id, String name, String type, String path, Map<String, String> providerIds,
    Instant dateCreated, String libraryId, int productionYear, String seriesId, int season, int episode,
    int episodeEnd) {

  public FakeItem {
    providerIds = Map.copyOf(providerIds);
  }

  /** A movie (or any item without series and numbers). */
  public FakeItem(String id, String name, String type, String path, Map<String, String> providerIds,
      Instant dateCreated, String libraryId, int productionYear) {
    this(id, name, type, path, providerIds, dateCreated, libraryId, productionYear, null, 0, 0, 0);
  }

  public FakeItem withProviderIds(Map<String, String> ids) {
    return new FakeItem(id, name, type, path, ids, dateCreated, libraryId, productionYear, seriesId, season, episode,
        episodeEnd);
  }

  public String tmdbId() {
    return providerIds.getOrDefault("Tmdb", "");
  }
}
