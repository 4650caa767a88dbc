package org.videoorganizer.daemon.sync;

import java.nio.file.Path;

/**
 * The store calls the sync engine needs; the daemon's store implements them (table
 * {@code sync_sources}). Each call is one idempotent write.
 */
public interface SyncLedger {

  /** A remote file was downloaded, verified and placed in staging: record its origin. */
  void recordDownloaded(String source, String remote, RemoteFile file, Path staged);

  /** A remote file was skipped because its content is already in the library. */
  void recordSkipped(String source, String remote, RemoteFile file);

  /** Many skipped files of one run at once; by default one write each. */
  default void recordSkipped(String source, String remote, java.util.List<RemoteFile> files) {
    files.forEach(f -> recordSkipped(source, remote, f));
  }
}
