package org.videoorganizer.daemon.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One file as a remote lists it: path under the source root, size, modification time and the
 * hashes the backend gives (lower-case rclone names: {@code md5}, {@code sha1}, {@code quickxor}).
 */
public record RemoteFile(String path, long size, Instant modTime, Map<String, String> hashes) {

  public RemoteFile {
    hashes = Map.copyOf(hashes);
  }

  /** The first hash the backend gives among the preferred types, as (type, value). */
  public Optional<Map.Entry<String, String>> hash(java.util.List<String> preferred) {
    for (String type : preferred) {
      String v = hashes.get(type);
      if (v != null && !v.isEmpty()) {
        return Optional.of(Map.entry(type, v));
      }
    }
    return Optional.empty();
  }

  /**
   * Same content as far as two listings can tell: size, time (to the microsecond a database
   * keeps) and every hash both give. A listing kept in the store has one hash; a fresh one more.
   */
  boolean sameAs(RemoteFile other) {
    var micros = java.time.temporal.ChronoUnit.MICROS;
    return size == other.size && modTime.truncatedTo(micros).equals(other.modTime.truncatedTo(micros))
        && hashes.entrySet().stream().allMatch(e -> !other.hashes.containsKey(e.getKey())
            || other.hashes.get(e.getKey()).equalsIgnoreCase(e.getValue()));
  }
}
