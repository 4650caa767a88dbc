package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hashes a local file in the rclone hash types computed here: md5, sha1 and sha256 by the JDK,
 * {@code quickxor} (OneDrive) by {@link QuickXorHash} and {@code dropbox} by
 * {@link DropboxContentHash}; each value as rclone gives it (lower-case hex).
 */
final class LocalHash {

  /** The types computed here, cheapest first: what a download is verified by, and what the library is hashed in. */
  static final List<String> TYPES = List.of("md5", "sha1", "quickxor", "sha256", "dropbox");

  private LocalHash() {}

  /** The first of the remote's hashes that is computed here, as (type, value). */
  static Optional<Map.Entry<String, String>> checkable(RemoteFile file) {
    for (String type : TYPES) {
      String v = file.hashes().get(type);
      if (v != null && !v.isEmpty()) {
        return Optional.of(Map.entry(type, v));
      }
    }
    return Optional.empty();
  }

  static String of(Path file, String rcloneType) throws IOException {
    return of(file, List.of(rcloneType)).get(rcloneType);
  }

  /** Several types in one pass over the file, as (type, hex value). */
  static Map<String, String> of(Path file, List<String> rcloneTypes) throws IOException {
    Map<String, MessageDigest> digests = new LinkedHashMap<>();
    for (String type : rcloneTypes) {
      digests.put(type, digest(type));
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        for (MessageDigest d : digests.values()) {
          d.update(buf, 0, n);
        }
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    digests.forEach((type, d) -> out.put(type, HexFormat.of().formatHex(d.digest())));
    return out;
  }

  private static MessageDigest digest(String rcloneType) {
    try {
      return switch (rcloneType) {
        case "md5" -> MessageDigest.getInstance("MD5");
        case "sha1" -> MessageDigest.getInstance("SHA-1");
        case "sha256" -> MessageDigest.getInstance("SHA-256");
        case "quickxor" -> new QuickXorHash();
        case "dropbox" -> new DropboxContentHash();
        default -> throw new IllegalArgumentException("no local hash for rclone type '" + rcloneType + "'; computed here: " + TYPES);
      };
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + rcloneType, e);
    }
  }
}
