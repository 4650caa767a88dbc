package org.videoorganizer.daemon.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.daemon.store.SyncStore;

/**
 * What a library on an rclone remote holds, kept in the store ({@code remote_library_files}) so
 * that a remote source never downloads content the library already has. Three ways in: each file
 * the publisher placed, with the hashes of its staged copy in every type computed here
 * ({@link LocalHash#TYPES}, one read) taken just before that copy went ({@link #placed}); a listing of the whole remote, without hashes, at most once a
 * {@link #REFRESH_EVERY} (before source runs), which also finds files that were there before the
 * daemon; and, when a source lists a file whose size matches library files with no hash of the
 * source's type yet, those files hashed by the server ({@code md5sum} over SSH on a storage box)
 * once each, as local library files are hashed by {@link LibraryKnownHashes}.
 */
public final class RemoteLibraryFiles {

  private static final Logger log = LoggerFactory.getLogger(RemoteLibraryFiles.class);
  /** A listing of the remote library is taken at most this often. */
  static final Duration REFRESH_EVERY = Duration.ofMinutes(10);
  /** The hashes taken of a staged copy before it is deleted: every type computed here, so any source's type matches. */
  static final List<String> PLACED_TYPES = LocalHash.TYPES;

  private final RcdSupervisor rcd;
  private final String libraryFs;
  private final SyncStore store;
  private final Clock clock;
  private Instant refreshedAt;
  private List<String> serverTypes;

  public RemoteLibraryFiles(RcdSupervisor rcd, String libraryFs, SyncStore store, Clock clock) {
    this.rcd = rcd;
    this.libraryFs = libraryFs;
    this.store = store;
    this.clock = clock;
  }

  /** A file placed and verified: recorded with its hashes. A store failure is logged, not thrown. */
  void placed(String path, long size, Map<String, String> hashes) {
    try {
      store.recordRemoteLibraryFile(libraryFs, path, size, hashes);
    } catch (RuntimeException e) {
      log.warn("remote library {}: {} placed but not recorded for deduplication ({}); the next listing finds it",
          libraryFs, path, e.toString());
    }
  }

  /** Lists the remote library unless that was done in the last {@link #REFRESH_EVERY}; a failure is logged. */
  public synchronized void refreshIfDue() {
    Instant now = clock.instant();
    if (refreshedAt != null && Duration.between(refreshedAt, now).compareTo(REFRESH_EVERY) < 0) {
      return;
    }
    try {
      refresh();
      refreshedAt = now;
    } catch (RuntimeException e) {
      log.warn("remote library {} could not be listed for deduplication ({}); what is recorded of it is used",
          libraryFs, e.getMessage());
    }
  }

  /** Lists the whole remote library (no hashes: one pass over the folders) and records what it holds. */
  public synchronized int refresh() {
    var listedFrom = store.now();
    List<RemoteFile> files = rcd.client().listWithHashes(libraryFs, "", List.of()).stream()
        .filter(f -> !temporary(f.path())).toList();
    store.replaceRemoteLibrary(libraryFs, files, listedFrom);
    log.info("remote library {}: {} files listed for deduplication", libraryFs, files.size());
    return files.size();
  }

  /**
   * True when a library file of this size has this hash, asking the server for the hashes of
   * files of that size it was not asked for yet (each is recorded, so each is asked once).
   */
  boolean containsHashedByServer(String hashType, String hash, long size) {
    if (!serverTypes().contains(hashType)) {
      return false;
    }
    boolean found = false;
    for (String path : store.unhashedRemoteLibraryFiles(libraryFs, size, hashType)) {
      Optional<RemoteFile> f = rcd.client().stat(libraryFs, path, List.of(hashType));
      Optional<String> h = f.filter(x -> x.size() == size).map(x -> x.hashes().get(hashType)).filter(v -> !v.isEmpty());
      if (h.isPresent()) {
        store.recordLibraryHash(SyncStore.remotePath(libraryFs, path), size, hashType, h.get());
        found |= h.get().equalsIgnoreCase(hash);
      }
    }
    return found;
  }

  private synchronized List<String> serverTypes() {
    if (serverTypes == null) {
      serverTypes = rcd.client().hashTypes(libraryFs);
    }
    return serverTypes;
  }

  /** A publisher's temporary name, or a file inside a temporary folder: not (yet) in the library. */
  static boolean temporary(String path) {
    for (String part : path.split("/")) {
      if (part.startsWith(".vorg-")) {
        return true;
      }
    }
    return false;
  }
}
