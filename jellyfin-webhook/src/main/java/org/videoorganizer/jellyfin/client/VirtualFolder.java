package org.videoorganizer.jellyfin.client;

import java.util.List;

/**
 * One library from {@code GET /Library/VirtualFolders}.
 *
 * @param name the library's display name
 * @param collectionType movies, tvshows, mixed, ... (empty for a mixed library)
 * @param itemId the library item id, usable as {@code parentId}
 * @param locations the library folders as the Jellyfin server sees them
 */
public record VirtualFolder(String name, String collectionType, String itemId, List<String> locations) {
  public VirtualFolder {
    locations = List.copyOf(locations);
  }
}
