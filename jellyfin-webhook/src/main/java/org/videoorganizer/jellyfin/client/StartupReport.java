package org.videoorganizer.jellyfin.client;

import java.util.List;

/** What the start-up check found. Never an error: Jellyfin being down must not stop the daemon. */
public sealed interface StartupReport {

  /** Sentences worth a warning in the log and on the status page; empty when all is well. */
  List<String> warnings();

  record Reachable(ServerInfo server, List<VirtualFolder> libraries, List<LibraryCoverage> coverage)
      implements StartupReport {
    public Reachable {
      libraries = List.copyOf(libraries);
      coverage = List.copyOf(coverage);
    }

    @Override
    public List<String> warnings() {
      return coverage.stream()
          .filter(c -> !(c instanceof LibraryCoverage.Covered))
          .map(LibraryCoverage::message)
          .toList();
    }
  }

  record Unreachable(JellyfinException error) implements StartupReport {
    @Override
    public List<String> warnings() {
      return List.of("Jellyfin is not usable yet (" + error.getMessage()
          + "); announcements wait and are retried");
    }
  }
}
