package org.videoorganizer.daemon.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File-system events as a hint to scan sooner. Network mounts send none and inotify limits can
 * drop them, so the periodic rescan stays the guarantee.
 */
final class Watcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Watcher.class);

  private final WatchService service;
  private final Map<Path, Runnable> roots;
  private final Set<Path> registered = ConcurrentHashMap.newKeySet();
  private final Thread thread;

  private Watcher(WatchService service, Map<Path, Runnable> roots) {
    this.service = service;
    this.roots = roots;
    this.thread = Thread.ofVirtual().name("vorg-watch").start(this::run);
  }

  static Optional<Watcher> start(Map<Path, Runnable> roots) {
    try {
      return Optional.of(new Watcher(FileSystems.getDefault().newWatchService(), Map.copyOf(roots)));
    } catch (IOException e) {
      log.warn("file-system events unavailable ({}); relying on periodic rescans", e.toString());
      return Optional.empty();
    }
  }

  /** Registers the source's folders not yet watched (called after each scan). */
  void register(Path root) {
    try (Stream<Path> dirs = Files.walk(root, org.videoorganizer.daemon.source.SourceScanner.MAX_DEPTH)) {
      dirs.filter(d -> Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(d -> d.equals(root) || !d.getFileName().toString().startsWith("."))
          .filter(registered::add)
          .forEach(d -> {
            try {
              d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                  StandardWatchEventKinds.ENTRY_DELETE);
            } catch (IOException e) {
              registered.remove(d);
            }
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      log.debug("cannot watch {}: {}", root, e.toString());
    }
  }

  private void run() {
    while (true) {
      WatchKey key;
      try {
        key = service.take();
      } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
        return;
      }
      Path dir = (Path) key.watchable();
      key.pollEvents();
      if (!key.reset()) {
        registered.remove(dir);
      }
      roots.forEach((root, wake) -> {
        if (dir.startsWith(root)) {
          wake.run();
        }
      });
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      service.close();
    } catch (IOException e) {
      log.debug("closing the watch service: {}", e.toString());
    }
  }
}
