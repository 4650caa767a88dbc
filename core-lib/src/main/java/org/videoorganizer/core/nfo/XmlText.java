package org.videoorganizer.core.nfo;

/** Escapes text for XML 1.0 and drops what XML 1.0 cannot carry at all. */
final class XmlText {

  private XmlText() {}

  /**
   * Text for element content or a double-quoted attribute: {@code & < > " '} escaped; characters
   * XML 1.0 forbids (controls other than tab, newline, carriage return; U+FFFE, U+FFFF) dropped;
   * unpaired surrogates replaced by U+FFFD.
   */
  static String escape(String s) {
    var out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
        continue;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\t', '\n', '\r' -> out.append(c);
        default -> appendChecked(out, c);
      }
    }
    return out.toString();
  }

  private static void appendChecked(StringBuilder out, char c) {
    if (Character.isSurrogate(c)) {
      out.append('\uFFFD');
    } else if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
      out.append(c);
    }
  }
}
