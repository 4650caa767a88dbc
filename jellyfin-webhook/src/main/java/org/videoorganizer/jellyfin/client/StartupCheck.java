package org.videoorganizer.jellyfin.client;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.jellyfin.PathMap;

/** The start-up look at Jellyfin: reachable, which version, and do its libraries hold ours. */
final class StartupCheck {

  private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);

  private StartupCheck() {}

  static Future<StartupReport> run(JellyfinClient client, List<Path> roots) {
    PathMap map = client.settings().pathMap();
    return client.systemInfo()
        .compose(info -> client.virtualFolders()
            .map(folders -> (StartupReport) new StartupReport.Reachable(info, folders, coverage(map, roots, folders))))
        .recover(e -> Future.succeededFuture(unreachable(e)))
        .onSuccess(StartupCheck::log);
  }

  static List<LibraryCoverage> coverage(PathMap map, List<Path> roots, List<VirtualFolder> folders) {
    return roots.stream().map(root -> coverage(map, root, folders)).toList();
  }

  private static LibraryCoverage coverage(PathMap map, Path root, List<VirtualFolder> folders) {
    Optional<String> mapped = map.toJellyfin(root);
    if (mapped.isEmpty()) {
      return new LibraryCoverage.NotMapped(root);
    }
    String path = mapped.get();
    for (VirtualFolder folder : folders) {
      for (String location : folder.locations()) {
        if (PathMap.isUnder(path, location)) {
          return new LibraryCoverage.Covered(root, path, folder);
        }
      }
    }
    List<String> all = folders.stream().flatMap(f -> f.locations().stream()).toList();
    return new LibraryCoverage.NotCovered(root, path, all);
  }

  private static StartupReport unreachable(Throwable e) {
    JellyfinException error = e instanceof JellyfinException j
        ? j
        : JellyfinException.transport("start-up check", JellyfinException.Kind.UNREACHABLE, e);
    return new StartupReport.Unreachable(error);
  }

  private static void log(StartupReport report) {
    if (report instanceof StartupReport.Reachable r) {
      LOG.info("Jellyfin {} ({}) reachable, {} libraries", r.server().version(), r.server().serverName(),
          r.libraries().size());
    }
    report.warnings().forEach(w -> LOG.warn("Jellyfin start-up check: {}", w));
  }
}
