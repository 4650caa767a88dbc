package org.videoorganizer.core.naming;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Makes one path component safe on Linux, SMB and Windows targets (see
 * docs/reference/jellyfin.md §1.1 and reliability.md bad input 15-16): NFC, no reserved or
 * control characters, no leading dot, no trailing dot or space, no device names, and a length
 * limit in UTF-8 bytes cut at a code point boundary.
 */
final class SafeName {

  /** Longest component Linux (ext4), SMB and Windows accept, in UTF-8 bytes. */
  static final int MAX_COMPONENT_BYTES = 255;

  // Windows device names: a component equal to one of these (any case, any extension) is refused.
  private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private SafeName() {}

  /**
   * Cleans text meant for part of a component: the rules above except the length limit.
   * Returns an empty string when nothing usable is left.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    var out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      out.append(replacement(cp, i < s.length() ? s.codePointAt(i) : -1));
    }
    return trimEnds(out.toString().replaceAll("\\s+", " "));
  }

  // ':' becomes " -" before a space ("Mission: Impossible"), else '-' ("10:30"); slashes and
  // pipes become '-', double quotes a single quote; the rest of < > ? * and controls a space.
  private static String replacement(int cp, int next) {
    return switch (cp) {
      case ':' -> next == ' ' ? " -" : "-";
      case '/', '\\', '|' -> "-";
      case '"' -> "'";
      case '<', '>', '?', '*' -> " ";
      default -> isInvisible(cp) ? " " : new String(Character.toChars(cp));
    };
  }

  // Control characters (C0, DEL, C1), unpaired surrogates, and bidirectional overrides that
  // can disguise an extension (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F).
  private static boolean isInvisible(int cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xD800 && cp <= 0xDFFF)
        || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E || cp == 0x200F || cp == 0xFEFF;
  }

  /** No leading dots or spaces (Jellyfin ignores dot names), no trailing dots or spaces. */
  static String trimEnds(String s) {
    int start = 0;
    while (start < s.length() && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
      start++;
    }
    int end = s.length();
    while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
      end--;
    }
    return s.substring(start, end);
  }

  /** A whole component: trimmed ends, device names made harmless, never empty. */
  static String component(String s, String fallback) {
    String t = trimEnds(s);
    if (t.isEmpty()) {
      t = fallback;
    }
    int dot = t.indexOf('.');
    String stem = (dot < 0 ? t : t.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
    return DEVICES.contains(stem) ? "_" + t : t;
  }

  /** UTF-8 length of a string. */
  static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * The longest prefix of {@code s} whose UTF-8 form fits {@code maxBytes}, cut between code
   * points, with trailing dots and spaces removed.
   */
  static String cut(String s, int maxBytes) {
    if (maxBytes <= 0) {
      return "";
    }
    int used = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (used + len > maxBytes) {
        break;
      }
      used += len;
      i += Character.charCount(cp);
    }
    return i == s.length() ? s : trimEnds(s.substring(0, i));
  }

  /** A file extension: lower case letters and digits only, at most 10 of them. */
  static String extension(String ext) {
    String e = ext == null ? "" : ext.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (e.isEmpty() || e.length() > 10) {
      throw new IllegalArgumentException(
          "an extension must be 1 to 10 letters or digits; got '" + ext + "'");
    }
    return e;
  }
}
