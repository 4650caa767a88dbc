package org.videoorganizer.daemon.sync;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.daemon.store.SyncStore;

/**
 * The hook between the organize step and a library on an rclone remote: organize writes a unit
 * (a video, its sidecars and NFOs) into the local tree {@code data_dir/library-staging} as if it
 * were the library, then calls {@link #afterOrganize}, which publishes the unit's files to the
 * remote under the same relative paths with {@link RemoteLibraryPublisher} (temporary name,
 * verified, moved into place without overwriting, journaled). {@link #recover} runs once at
 * daemon start, before the dispatcher, and finishes what a crash left; until it succeeded
 * (rclone or the server down at start) every publish tries it first.
 */
public final class RemoteLibrary implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RemoteLibrary.class);

  private final Path stagingRoot;
  private final String libraryFs;
  private final RcdSupervisor rcd;
  private final RemoteLibraryPublisher publisher;
  private final LibraryStatus status;
  private final Optional<RemoteLibraryFiles> files;
  private volatile boolean recovered;

  /**
   * @param stagingRoot the local tree organize writes into (the {@code library} it is given)
   * @param libraryFs the library as an rclone path, {@code storagebox:media}
   * @param journal the publish journal under {@code data_dir}
   */
  public RemoteLibrary(RcdSupervisor rcd, Path stagingRoot, String libraryFs, Path journal) throws IOException {
    this(rcd, stagingRoot, libraryFs, journal, Optional.empty());
  }

  /** @param files where placed files are recorded for deduplication (and the remote listed) */
  public RemoteLibrary(RcdSupervisor rcd, Path stagingRoot, String libraryFs, Path journal,
      Optional<RemoteLibraryFiles> files) throws IOException {
    this.stagingRoot = stagingRoot.toAbsolutePath().normalize();
    this.libraryFs = libraryFs;
    this.rcd = rcd;
    this.files = files;
    this.publisher = new RemoteLibraryPublisher(rcd, libraryFs, journal,
        files.<RemoteLibraryPublisher.Placed>map(f -> f).orElse(RemoteLibraryPublisher.Placed.NONE));
    this.status = new LibraryStatus(libraryFs);
  }

  /**
   * The library of a daemon: staging tree {@code library}, journal {@code data_dir/publish.journal},
   * its files recorded in {@code store} so remote sources skip what it holds.
   */
  public static RemoteLibrary of(RcdSupervisor rcd, Path library, String libraryFs, Path dataDir, SyncStore store,
      Clock clock) throws IOException {
    Files.createDirectories(library);
    return new RemoteLibrary(rcd, library, libraryFs, dataDir.resolve("publish.journal"),
        Optional.of(new RemoteLibraryFiles(rcd, libraryFs, store, clock)));
  }

  /** What the library holds, for remote sources' deduplication; empty when not recorded. */
  public Optional<RemoteLibraryFiles> files() {
    return files;
  }

  /**
   * Publishes one organized unit. {@code unit} names it stably across retries (the video id);
   * every file must lie under the staging root. Safe to call again for the same unit: files
   * already placed are recognized and not uploaded twice.
   */
  public PublishResult afterOrganize(String unit, List<Path> placed) throws IOException {
    List<RemoteLibraryPublisher.Item> items = new ArrayList<>();
    for (Path file : placed) {
      items.add(new RemoteLibraryPublisher.Item(file.toAbsolutePath().normalize(), relative(unit, file)));
    }
    recoverOnce();
    PublishResult result = publisher.publish(unit, items);
    status.published(result);
    return result;
  }

  /** True when the library holds a file of this size where {@code local} (under the staging root) belongs. */
  public boolean holds(Path local, long size) {
    return rcd.client().stat(libraryFs, relative("check", local), false).map(f -> f.size() == size).orElse(false);
  }

  /**
   * Why {@code source} cannot go where {@code local} (under the staging root) belongs: another
   * file already has that name in the library. Empty when the name is free or holds the same
   * content (size and the server's hash; without a hash a taken name is never assumed ours).
   * Asked before anything moves.
   */
  public Optional<String> taken(Path local, Path source) throws IOException {
    String rel = relative("check", local);
    Optional<RemoteFile> there = rcd.client().stat(libraryFs, rel);
    if (there.isEmpty() || RemoteLibraryPublisher.sameBytes(there.get(), source)) {
      return Optional.empty();
    }
    status.conflict();
    return Optional.of("another file already has this name in the remote library " + libraryFs
        + "; not overwritten (remove or rename it there, or answer the review)");
  }

  /** Resumes every unit a crash or a dropped connection left unfinished; call at start. */
  public List<PublishResult> recover() throws IOException {
    List<PublishResult> results = publisher.recover();
    results.forEach(status::recovered);
    results.forEach(r -> log.info("remote library {}: unit {} left unfinished by an earlier run: {}", libraryFs, r.unit(),
        r.complete() ? "finished" : r.files()));
    recovered = true; // a unit still unfinished stays in the journal; its organize job publishes it again
    return results;
  }

  /**
   * At start, before the dispatcher: unfinished units resumed, then the remote listed for
   * deduplication. A failure is logged, and the first publish (or source run) tries again.
   */
  public void recoverAtStart() {
    try {
      recover();
      files.ifPresent(RemoteLibraryFiles::refreshIfDue);
    } catch (IOException | RuntimeException e) {
      status.failed("recovery at start: " + e.getMessage());
      log.warn("remote library {}: unfinished uploads of an earlier run not recovered yet ({}); "
          + "nothing is published until they are", libraryFs, e.getMessage());
    }
  }

  /** {@code daemon.remote_library} of /api/status. */
  public JsonObject status() {
    return status.json();
  }

  private synchronized void recoverOnce() throws IOException {
    if (!recovered) {
      recover();
    }
  }

  private String relative(String unit, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (!abs.startsWith(stagingRoot) || abs.equals(stagingRoot)) {
      throw new IllegalArgumentException("unit " + unit + ": " + file + " is not under the library staging tree " + stagingRoot);
    }
    return stagingRoot.relativize(abs).toString().replace('\\', '/');
  }

  @Override
  public void close() throws IOException {
    publisher.close();
  }
}
