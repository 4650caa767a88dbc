package org.videoorganizer.core.parse;

/**
 * One word of a name segment, with where it sits. Mutable only while one parse runs: recognizers
 * claim tokens by setting {@link #kind}.
 */
final class Token {
  static final int NO_DASH = 0;
  static final int TIGHT_DASH = 1;
  static final int SPACED_DASH = 2;

  /** Lower case, letters and digits only: the form token tables are keyed by. */
  final String key;
  final int start;
  final int end;
  /**
   * 0 outside brackets, else the number of the top-level bracket pair this token sits in (a
   * short: fields are kept small because every word of every name is a Token).
   */
  final short group;
  final char bracket;
  /** Whether a dash (or tilde) stands between this token and the one before. */
  final byte dashBefore;
  /** The last separator character before this token, or 0 at the start. */
  final char sepBefore;
  final int index;
  /** The key is all ASCII digits. */
  private final boolean digits;
  Kind kind;

  Token(String key, int start, int end, int group, char bracket, int dashBefore,
      char sepBefore, int index) {
    this.key = key;
    this.start = start;
    this.end = end;
    this.group = (short) Math.min(group, Short.MAX_VALUE);
    this.bracket = bracket;
    this.dashBefore = (byte) dashBefore;
    this.sepBefore = sepBefore;
    this.index = index;
    this.digits = Numbers.isDigits(key);
  }

  /** Whether a list separator (&, comma, +) stands among the separators before this token. */
  boolean listBefore(String src) {
    for (int i = start - 1; i >= 0; i--) {
      char c = src.charAt(i);
      if (c == '&' || c == ',' || c == '+') {
        return true;
      }
      if (Segment.isWordChar(c)) {
        return false;
      }
    }
    return false;
  }

  /** The token as written in {@code src}, the text of its segment. */
  String text(String src) {
    return src.substring(start, end);
  }

  boolean free() {
    return kind == null;
  }

  boolean isDigits() {
    return digits;
  }

  int number() {
    return Numbers.parse(key, 0, key.length());
  }

  @Override
  public String toString() {
    return key + (kind == null ? "" : "/" + kind);
  }
}
