package org.videoorganizer.daemon.source;

import java.nio.file.Path;

/** Paths as text: whether a name survives the trip through a String, and a printable form. */
public final class PathText {

  private PathText() {}

  /**
   * Whether the path's text names the same file: false for names that are not valid in the
   * platform encoding (invalid UTF-8 bytes), which the journal could not record faithfully.
   */
  public static boolean roundTrips(Path p) {
    try {
      return p.getFileSystem().getPath(p.toString()).equals(p) && !p.toString().contains("\uFFFD");
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The path with control characters and U+FFFD shown as escapes, for one-line messages. */
  public static String escaped(Path p) {
    String s = p.toString();
    var sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7F || c == '\uFFFD' || (c >= 0x202A && c <= 0x202E)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Empty when the name is usable; else the reason (control characters, invalid UTF-8). */
  public static String nameProblem(String name) {
    if (name.indexOf('\uFFFD') >= 0) {
      return "the file name is not valid UTF-8; rename it";
    }
    if (name.codePoints().anyMatch(c -> Character.isISOControl(c))) {
      return "the file name contains control characters (newline, tab, ...); rename it";
    }
    return "";
  }

  /** The name with control characters shown as \\xNN, for logs and pages. */
  public static String display(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\x%02x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
