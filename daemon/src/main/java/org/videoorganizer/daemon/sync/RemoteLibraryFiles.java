package org.videoorganizer.daemon.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.daemon.store.SyncStore;

/**
 * What a library on an rclone remote holds, kept in the store ({@code remote_library_files}) so
 * that a remote source never downloads content the library already has. Three ways in: each file
 * the publisher placed, with the hashes of its staged copy in the types the sources use
 * ({@link #hashTypes}, one read during the upload) ({@link #placed}); a listing of the whole
 * remote, without hashes, at most once a
 * {@link #REFRESH_EVERY} (before source runs), which also finds files that were there before the
 * daemon; and, when a source lists a file whose size matches library files with no hash of the
 * source's type yet, those files hashed by the server ({@code md5sum} over SSH on a storage box)
 * once each, as local library files are hashed by {@link LibraryKnownHashes}.
 */
public final class RemoteLibraryFiles implements RemoteLibraryPublisher.Placed {

  private static final Logger log = LoggerFactory.getLogger(RemoteLibraryFiles.class);
  /** A listing of the remote library is taken at most this often. */
  static final Duration REFRESH_EVERY = Duration.ofMinutes(10);
  /** How long the hash types the sources use are kept before the store is asked again. */
  static final Duration TYPES_EVERY = Duration.ofMinutes(1);

  private final RcdSupervisor rcd;
  private final String libraryFs;
  private final SyncStore store;
  private final Clock clock;
  private Instant refreshedAt;
  private List<String> serverTypes;
  private List<String> hashTypes;
  private Instant hashTypesAt;

  public RemoteLibraryFiles(RcdSupervisor rcd, String libraryFs, SyncStore store, Clock clock) {
    this.rcd = rcd;
    this.libraryFs = libraryFs;
    this.store = store;
    this.clock = clock;
  }

  /** A file placed and verified: recorded with its hashes. A store failure is logged, not thrown. */
  @Override
  public void placed(String path, long size, Map<String, String> hashes) {
    try {
      store.recordRemoteLibraryFile(libraryFs, path, size, hashes);
    } catch (RuntimeException e) {
      log.warn("remote library {}: {} placed but not recorded for deduplication ({}); the next listing finds it",
          libraryFs, path, e.toString());
    }
  }

  /**
   * A staged copy is hashed, before it goes, in md5 (what a storage box computes itself) and in
   * the types the remote sources have listed files with: a Google Drive source needs md5, a
   * OneDrive one quickxor. Hashing in every type would cost a second core's worth of reading on
   * every upload for types no source compares (tools/bench-sync: 71% of rclone copy with all
   * five, 75-86% without). A source's first listing comes before its files are published, so its
   * type is known by then; files placed earlier are matched through the box's own md5/sha1.
   */
  @Override
  public synchronized List<String> hashTypes() {
    Instant now = clock.instant();
    if (hashTypes == null || Duration.between(hashTypesAt, now).compareTo(TYPES_EVERY) >= 0) {
      java.util.Set<String> used = new java.util.HashSet<>(Set.of("md5"));
      try {
        used.addAll(store.sourceHashTypes());
      } catch (RuntimeException e) {
        log.warn("remote library {}: the sources' hash types could not be read ({}); hashing in every type", libraryFs,
            e.toString());
        used.addAll(LocalHash.TYPES);
      }
      hashTypes = LocalHash.TYPES.stream().filter(used::contains).toList();
      hashTypesAt = now;
    }
    return hashTypes;
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
      if (part.startsWith(RemoteLibraryPublisher.TEMP_PREFIX)) {
        return true;
      }
    }
    return false;
  }
}
