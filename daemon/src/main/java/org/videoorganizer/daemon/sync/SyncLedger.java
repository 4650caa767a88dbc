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
}
