package org.videoorganizer.jellyfin.client;

import java.nio.file.Path;
import java.util.List;
import org.videoorganizer.jellyfin.JellyfinSettings;

/** Whether one of our library roots lies inside a Jellyfin library, seen through the path map. */
public sealed interface LibraryCoverage {

  Path root();

  /** A sentence for the log or the status page. */
  String message();

  /** The root maps to {@code jellyfinPath}, which lies in {@code library}. */
  record Covered(Path root, String jellyfinPath, VirtualFolder library) implements LibraryCoverage {
    @Override
    public String message() {
      return root + " is Jellyfin's " + jellyfinPath + " in library '" + library.name() + "'";
    }
  }

  /** No path map rule covers the root, so Jellyfin's name for it is unknown. */
  record NotMapped(Path root) implements LibraryCoverage {
    @Override
    public String message() {
      return root + " is not covered by the path map " + JellyfinSettings.PATH_MAP_SETTING
          + "; add a rule like " + root + "=/path/as/jellyfin/sees/it";
    }
  }

  /** The root maps to {@code jellyfinPath}, but no Jellyfin library holds that folder. */
  record NotCovered(Path root, String jellyfinPath, List<String> libraryLocations) implements LibraryCoverage {
    public NotCovered {
      libraryLocations = List.copyOf(libraryLocations);
    }

    @Override
    public String message() {
      return root + " maps to " + jellyfinPath + ", which no Jellyfin library contains (library folders: "
          + libraryLocations + "); add it as a library folder in Jellyfin or fix "
          + JellyfinSettings.PATH_MAP_SETTING;
    }
  }
}
