package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Hashes a local file in the rclone hash types the JDK computes (md5, sha1, sha256). */
final class LocalHash {

  private static final Map<String, String> JDK_NAMES = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256");

  private LocalHash() {}

  /** The first of the remote's hashes that the JDK computes, as (type, value). */
  static Optional<Map.Entry<String, String>> checkable(RemoteFile file) {
    for (String type : new String[] {"md5", "sha1", "sha256"}) {
      String v = file.hashes().get(type);
      if (v != null && !v.isEmpty()) {
        return Optional.of(Map.entry(type, v));
      }
    }
    return Optional.empty();
  }

  static String of(Path file, String rcloneType) throws IOException {
    return of(file, java.util.List.of(rcloneType)).get(rcloneType);
  }

  /** Several types in one pass over the file, as (type, hex value). */
  static Map<String, String> of(Path file, java.util.List<String> rcloneTypes) throws IOException {
    Map<String, MessageDigest> digests = new java.util.LinkedHashMap<>();
    for (String type : rcloneTypes) {
      try {
        digests.put(type, MessageDigest.getInstance(JDK_NAMES.get(type)));
      } catch (NoSuchAlgorithmException | NullPointerException e) {
        throw new IllegalArgumentException("no local hash for rclone type '" + type + "'", e);
      }
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        for (MessageDigest d : digests.values()) {
          d.update(buf, 0, n);
        }
      }
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    digests.forEach((type, d) -> out.put(type, HexFormat.of().formatHex(d.digest())));
    return out;
  }
}
