package org.videoorganizer.jellyfin.fake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Jellyfin's item ids: MD5 of UTF-16LE(type full name + path), read as a .NET Guid, whose first
 * three groups are little-endian. {@link #n} gives the "N" form the JSON API uses,
 * {@link #d} the dashed "D" form Handlebars templates render.
 */
final class DotNetGuid {

  private DotNetGuid() {}

  static String itemId(String typeFullName, String path) {
    try {
      byte[] md5 = MessageDigest.getInstance("MD5")
          .digest((typeFullName + path).getBytes(StandardCharsets.UTF_16LE));
      return n(md5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }

  static String n(byte[] b) {
    byte[] out = b.clone();
    reverse(out, 0, 4);
    reverse(out, 4, 6);
    reverse(out, 6, 8);
    return HexFormat.of().formatHex(out);
  }

  static String d(String n) {
    return n.substring(0, 8) + "-" + n.substring(8, 12) + "-" + n.substring(12, 16) + "-"
        + n.substring(16, 20) + "-" + n.substring(20);
  }

  private static void reverse(byte[] b, int from, int to) {
    for (int i = from, j = to - 1; i < j; i++, j--) {
      byte t = b[i];
      b[i] = b[j];
      b[j] = t;
    }
  }
}
