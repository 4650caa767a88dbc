package org.videoorganizer.daemon.sync;

/**
 * What the library already has, by remote hash. The daemon's store implements it over
 * {@code videos} / {@code sync_sources}; a remote file found here is never downloaded.
 */
public interface KnownHashes {

  /** True when a file of this size with this hash (rclone hash type name) is already known. */
  boolean contains(String hashType, String hash, long size);

  /**
   * True when this very version of the file (source, path, size, modification time) was copied
   * before: what keeps a remote that gives no hash from being downloaded again on every run.
   */
  default boolean copiedBefore(String source, RemoteFile file) {
    return false;
  }
}
