package org.videoorganizer.daemon.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.daemon.source.SourceScanner;
import org.videoorganizer.daemon.store.OrganizeStore;
import org.videoorganizer.daemon.store.Video;

/**
 * The source group of a video as identify and organize read it. The video's folder is read again
 * by the one scanner that fingerprinting used: a subtitle or NFO laid next to the video after it
 * was fingerprinted is carried too, and a sidecar deleted since is not looked for. The group
 * fingerprinting stored is the answer only when the scan no longer finds the video there (it is
 * being replaced, or its folder cannot be read); the video alone when neither knows it.
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
    IOException unreadable = null;
    try {
      Optional<SourceGroup> onDisk = scanner.groupOf(root, file);
      if (onDisk.isPresent()) {
        return onDisk.get();
      }
    } catch (IOException e) {
      unreadable = e;
    }
    Optional<SourceGroup> stored = Blocking.await(store.group(video.id()))
        .filter(g -> g.root().equals(root) && g.video().equals(file));
    if (stored.isPresent()) {
      return stored.get();
    }
    if (unreadable != null) {
      throw new UncheckedIOException("cannot read the folder of " + video.displayPath()
          + " to group it with its sidecars; check that the daemon may read it", unreadable);
    }
    return new SourceGroup(root, file, List.of());
  }
}
