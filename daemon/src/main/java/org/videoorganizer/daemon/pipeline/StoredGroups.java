package org.videoorganizer.daemon.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.daemon.source.SourceScanner;
import org.videoorganizer.daemon.store.Blocking;
import org.videoorganizer.daemon.store.OrganizeStore;
import org.videoorganizer.daemon.store.Video;

/**
 * The source group of a video as identify and organize read it: the one fingerprinting stored;
 * grouped again from the video's folder by the same scanner when none was stored (a row
 * fingerprinted by an older daemon) or the source is configured at another path since; the video
 * alone when it is no longer where it was.
 */
final class StoredGroups {

  private final OrganizeStore store;
  private final Sources sources;
  private final SourceScanner scanner;

  StoredGroups(OrganizeStore store, Sources sources, SourceScanner scanner) {
    this.store = store;
    this.sources = sources;
    this.scanner = scanner;
  }

  SourceGroup of(Video video) {
    Path root = sources.root(video);
    Path file = sources.file(video);
    Optional<SourceGroup> stored = Blocking.await(store.group(video.id()));
    if (stored.isPresent() && stored.get().root().equals(root) && stored.get().video().equals(file)) {
      return stored.get();
    }
    try {
      return scanner.groupOf(root, file).orElseGet(() -> new SourceGroup(root, file, List.of()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot group " + video.displayPath() + " with its sidecars", e);
    }
  }
}
