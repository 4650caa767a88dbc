package org.videoorganizer.jellyfin.fake;

import java.time.Instant;
import java.util.Map;

/** An item in the fake server's library, with the fields {@code GET /Items} can show. */
public record FakeItem(String id, String name, String type, String path, Map<String, String> providerIds,
    Instant dateCreated, String libraryId, int productionYear) {

  public FakeItem {
    providerIds = Map.copyOf(providerIds);
  }

  public FakeItem withProviderIds(Map<String, String> ids) {
    return new FakeItem(id, name, type, path, ids, dateCreated, libraryId, productionYear);
  }

  public String tmdbId() {
    return providerIds.getOrDefault("Tmdb", "");
  }
}
