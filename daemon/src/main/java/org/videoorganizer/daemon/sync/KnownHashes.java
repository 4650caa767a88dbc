package org.videoorganizer.daemon.sync;

/**
 * What the library already has, by remote hash. The daemon's store implements it over
 * {@code videos} / {@code sync_sources}; a remote file found here is never downloaded.
 */
public interface KnownHashes {

  /** True when a file of this size with this hash (rclone hash type name) is already known. */
  boolean contains(String hashType, String hash, long size);

  /**
   * Which of a whole listing's {@code (hash, size)} pairs of one type are known, in one look-up
   * (a remote of 10,000 files is one query, not 10,000); by default {@link #contains} each.
   */
  default java.util.Set<Key> knownAmong(String hashType, java.util.Collection<Key> keys) {
    java.util.Set<Key> out = new java.util.HashSet<>();
    keys.stream().filter(k -> contains(hashType, k.hash(), k.size())).forEach(out::add);
    return out;
  }

  /** A content key: a hash (lower case) and a size. */
  record Key(String hash, long size) {}

  /**
   * True when this very version of the file (source, path, size, modification time) was copied
   * before: what keeps a remote that gives no hash from being downloaded again on every run.
   */
  default boolean copiedBefore(String source, RemoteFile file) {
    return false;
  }
}
