package org.videoorganizer.daemon.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Whether a folder is really the mounted one. A dropped rclone, SSHFS or NFS mount leaves an
 * empty local folder at the mount point: a source would look empty and the library would be
 * written onto the local disk. A marker file that exists only on the real storage tells them
 * apart.
 *
 * <p>A hung mount (an SSHFS or NFS server that stopped answering) makes even looking for the
 * marker block, possibly for ever. The look runs on a thread of its own under a time limit:
 * past it the folder counts as not mounted ("not responding"), so steps wait and retry instead
 * of hanging in the file system. A look still stuck is shared by later checks of the same file
 * rather than started again, so a hung mount costs one blocked thread, not one per check.
 */
public final class MountCheck {

  /** How long looking for a marker may take before the mount counts as hung. */
  public static final Duration LIMIT = Duration.ofSeconds(10);

  private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "vorg-mount-probe");
    t.setDaemon(true);
    return t;
  });
  private static final Map<Path, CompletableFuture<Boolean>> PENDING = new ConcurrentHashMap<>();

  private MountCheck() {}

  /**
   * Empty when {@code marker} is not configured or the file exists in {@code folder}; else the
   * reason, naming {@code what} ("the library", "source 'downloads'") and the marker file.
   */
  public static Optional<String> problem(String what, Path folder, Optional<String> marker) {
    return problem(what, folder, marker, LIMIT, Files::exists);
  }

  /** As {@link #problem(String, Path, Optional)}, with the time limit and the look given. */
  static Optional<String> problem(String what, Path folder, Optional<String> marker, Duration limit,
      Predicate<Path> exists) {
    if (marker.isEmpty()) {
      return Optional.empty();
    }
    Path file = folder.resolve(marker.get());
    // A look still under way is joined; a finished one is never reused: each check looks afresh.
    CompletableFuture<Boolean> look = PENDING.compute(file, (f, under) -> under != null && !under.isDone() ? under
        : CompletableFuture.supplyAsync(() -> exists.test(f), PROBES));
    try {
      if (look.get(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        return Optional.empty();
      }
      return Optional.of(what + " is not mounted: its marker file " + file + " is missing");
    } catch (TimeoutException e) {
      return Optional.of(what + " is not responding: looking for its marker file " + file + " took longer than "
          + limit.toMillis() / 1000.0 + " s (a hung network mount?)");
    } catch (ExecutionException e) {
      return Optional.of(what + " cannot be checked: looking for its marker file " + file + " failed ("
          + e.getCause() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(what + " was not checked: interrupted");
    } finally {
      if (look.isDone()) {
        PENDING.remove(file, look);
      }
    }
  }
}
