/**
 * Cloud sources and remote libraries through rclone (issue #16).
 *
 * <p>{@link org.videoorganizer.daemon.sync.SyncScheduler} is what the daemon starts: it runs each
 * remote source at start and on its schedule into {@code data_dir/staging/<name>} (scanned by
 * ingest as a folder source), records origins in {@code store.SyncStore}, reports
 * {@code daemon.sync} of the status, and deletes confirmed originals where a source opted in.
 * {@link org.videoorganizer.daemon.sync.RemoteLibrary} is the organize hook for a library on a
 * remote ({@code pipeline.RemotePublish} calls it): {@link
 * org.videoorganizer.daemon.sync.RemoteLibraryPublisher} publishes file by file, {@code FolderPublish}
 * a disc folder whole, and {@link org.videoorganizer.daemon.sync.RemoteLibraryFiles} keeps what the
 * remote library holds, so remote sources never download it again.
 *
 * <p>{@link org.videoorganizer.daemon.sync.RcdSupervisor} starts and watches {@code rclone rcd}
 * on loopback with generated credentials and hands out an {@link
 * org.videoorganizer.daemon.sync.RcClient}; {@link org.videoorganizer.daemon.sync.RemoteSourceRunner}
 * lists a remote with its hashes, skips what the library already has ({@link
 * org.videoorganizer.daemon.sync.KnownHashes}) before downloading anything, waits for files still
 * being uploaded to settle, downloads into staging and verifies. Failures are values of {@link
 * org.videoorganizer.daemon.sync.RcloneProblem} with a kind the status page can show.
 */
package org.videoorganizer.daemon.sync;
