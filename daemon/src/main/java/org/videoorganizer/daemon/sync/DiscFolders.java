package org.videoorganizer.daemon.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which library paths belong to a disc folder: a DVD's {@code VIDEO_TS/}, a Blu-ray's {@code BDMV/}
 * and {@code CERTIFICATE/}, as the organize planner lays them out under the movie's folder. Such a
 * folder is published as one unit, so Jellyfin never sees half a disc.
 */
final class DiscFolders {

  private static final java.util.Set<String> NAMES = java.util.Set.of("VIDEO_TS", "BDMV", "CERTIFICATE");

  private DiscFolders() {}

  /** The disc folder {@code libraryPath} lies in ({@code Movies/X (2000)/VIDEO_TS}), if any. */
  static Optional<String> of(String libraryPath) {
    String[] parts = libraryPath.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (NAMES.contains(parts[i])) {
        return Optional.of(String.join("/", java.util.Arrays.copyOfRange(parts, 0, i + 1)));
      }
    }
    return Optional.empty();
  }

  /** The items of a unit by disc folder, in their order; items in no disc folder are not in the map. */
  static Map<String, List<RemoteLibraryPublisher.Item>> group(List<RemoteLibraryPublisher.Item> items) {
    Map<String, List<RemoteLibraryPublisher.Item>> out = new LinkedHashMap<>();
    for (RemoteLibraryPublisher.Item item : items) {
      of(item.libraryPath()).ifPresent(f -> out.computeIfAbsent(f, k -> new java.util.ArrayList<>()).add(item));
    }
    return out;
  }
}
