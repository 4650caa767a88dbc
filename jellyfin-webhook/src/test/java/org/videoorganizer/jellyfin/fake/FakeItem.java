package org.videoorganizer.jellyfin.fake;

import java.time.Instant;
import java.util.Map;

/**
 * An item in the fake server's library, with the fields {@code GET /Items} can show. Episodes
 * also carry their series item's id and their season and episode numbers (0 when unknown).
 * {@code dateCreated} is the file's time, as Jellyfin's default ("use file creation time for date
 * added") makes it; {@code dateLastSaved} is when the server last saved the item (its scan, a
 * metadata refresh, an Apply), the value {@code minDateLastSaved} filters on.
 */
public record FakeItem(String id, String name, String type, String path, Map<String, String> providerIds,
    Instant dateCreated, String libraryId, int productionYear, String seriesId, int season, int episode,
    int episodeEnd, Instant dateLastSaved) {

  public FakeItem {
    providerIds = Map.copyOf(providerIds);
  }

  /** An episode (or any item with series and numbers), saved when it was created. */
  public FakeItem(String id, String name, String type, String path, Map<String, String> providerIds,
      Instant dateCreated, String libraryId, int productionYear, String seriesId, int season, int episode,
      int episodeEnd) {
    this(id, name, type, path, providerIds, dateCreated, libraryId, productionYear, seriesId, season, episode,
        episodeEnd, dateCreated);
  }

  /** A movie (or any item without series and numbers), saved when it was created. */
  public FakeItem(String id, String name, String type, String path, Map<String, String> providerIds,
      Instant dateCreated, String libraryId, int productionYear) {
    this(id, name, type, path, providerIds, dateCreated, libraryId, productionYear, null, 0, 0, 0, dateCreated);
  }

  public FakeItem withProviderIds(Map<String, String> ids) {
    return new FakeItem(id, name, type, path, ids, dateCreated, libraryId, productionYear, seriesId, season, episode,
        episodeEnd, dateLastSaved);
  }

  /** The item as saved again at {@code at}. */
  public FakeItem savedAt(Instant at) {
    return new FakeItem(id, name, type, path, providerIds, dateCreated, libraryId, productionYear, seriesId, season,
        episode, episodeEnd, at);
  }

  /** The same item with another {@code DateCreated} (a file time). */
  public FakeItem withDateCreated(Instant at) {
    return new FakeItem(id, name, type, path, providerIds, at, libraryId, productionYear, seriesId, season,
        episode, episodeEnd, dateLastSaved);
  }

  public String tmdbId() {
    return providerIds.getOrDefault("Tmdb", "");
  }
}
