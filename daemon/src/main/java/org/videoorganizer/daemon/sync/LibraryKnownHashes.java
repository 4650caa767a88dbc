package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.daemon.store.SyncStore;

/**
 * What the library has, by remote hash: earlier downloads from the store, and organized library
 * files of the same size hashed here in the remote's type (md5, sha1, sha256, quickxor, dropbox:
 * {@link LocalHash#TYPES}) the first time a remote lists a file of that size. Sizes rarely coincide, so few
 * library files are ever read; each is hashed once per type and kept in the store. With a library
 * on an rclone remote, its files count too ({@link RemoteLibraryFiles}): listed before each run,
 * hashed by the server on the same on-demand rule.
 */
final class LibraryKnownHashes implements KnownHashes {

  private static final Logger log = LoggerFactory.getLogger(LibraryKnownHashes.class);

  private final SyncStore store;
  private final Optional<RemoteLibraryFiles> remoteLibrary;

  LibraryKnownHashes(SyncStore store, Optional<RemoteLibraryFiles> remoteLibrary) {
    this.store = store;
    this.remoteLibrary = remoteLibrary;
  }

  /** Before a source's run: the remote library's listing brought up to date (at most every few minutes). */
  void beforeRun() {
    remoteLibrary.ifPresent(RemoteLibraryFiles::refreshIfDue);
  }

  @Override
  public boolean contains(String hashType, String hash, long size) {
    if (store.contains(hashType, hash, size)) {
      return true;
    }
    if (remoteLibrary.isPresent() && remoteLibrary.get().containsHashedByServer(hashType, hash, size)) {
      return true;
    }
    if (!LocalHash.TYPES.contains(hashType)) {
      return false;
    }
    boolean found = false;
    for (Path file : store.unhashedLibraryFiles(size, hashType)) {
      try {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != size) {
          continue; // gone or replaced: not evidence either way
        }
        String local = LocalHash.of(file, hashType);
        store.recordLibraryHash(file, size, hashType, local);
        found |= local.equalsIgnoreCase(hash);
      } catch (IOException e) {
        log.warn("library file {} could not be hashed to compare with a remote file: {}", file, e.toString());
      }
    }
    return found;
  }

  /** The store's answer for the whole listing; library files not hashed yet are looked at per file, by {@link #contains}. */
  @Override
  public java.util.Set<Key> knownAmong(String hashType, java.util.Collection<Key> keys) {
    return store.knownAmong(hashType, keys);
  }

  @Override
  public boolean copiedBefore(String source, RemoteFile file) {
    return store.copiedBefore(source, file);
  }
}
