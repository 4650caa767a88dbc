package org.videoorganizer.daemon.sync;

import java.time.Duration;
import java.util.List;

/**
 * One remote source (YAML {@code sources: [{name, remote, schedule, settle, delete_originals}]}).
 *
 * @param name the source name, the key in {@code sync_sources}
 * @param remote an rclone path, {@code remote:dir} ({@code gdrive:Videos})
 * @param settle a file younger than this (by its remote modification time) is still being
 *     uploaded and waits for the next run
 * @param deleteOriginals opt-in: delete the cloud original once the file is confirmed in the library
 * @param hashTypes the hash types to dedupe by, in order of preference
 */
public record RemoteSource(
    String name, String remote, Duration settle, boolean deleteOriginals, List<String> hashTypes) {

  /**
   * Hash types rclone gives for Drive (md5), OneDrive (quickxor), SFTP (md5/sha1), Dropbox (dropbox)
   * and others: every type computed here, so a download can be checked and the library compared.
   */
  public static final List<String> DEFAULT_HASHES = LocalHash.TYPES;

  public RemoteSource {
    if (!remote.contains(":")) {
      throw new IllegalArgumentException("source " + name + ": remote must be 'name:path', was '" + remote + "'");
    }
    hashTypes = List.copyOf(hashTypes);
  }

  public static RemoteSource of(String name, String remote) {
    return new RemoteSource(name, remote, Duration.ofMinutes(5), false, DEFAULT_HASHES);
  }

  public RemoteSource withSettle(Duration d) {
    return new RemoteSource(name, remote, d, deleteOriginals, hashTypes);
  }

  public RemoteSource withDeleteOriginals(boolean delete) {
    return new RemoteSource(name, remote, settle, delete, hashTypes);
  }
}
