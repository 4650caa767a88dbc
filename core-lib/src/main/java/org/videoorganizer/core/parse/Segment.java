package org.videoorganizer.core.parse;

/**
 * One path segment (a folder name or the file name without extension) cut into tokens.
 * Separators are spaces, dots, underscores and the like; brackets open groups; dashes and tildes
 * are remembered on the token after them.
 */
final class Segment {
  final String src;
  final Token[] tokens;

  private Segment(String src, Token[] tokens) {
    this.src = src;
    this.tokens = tokens;
  }

  static Segment of(String src) {
    Token[] out = new Token[countWords(src)];
    int count = 0;
    int n = src.length();
    char[] scratch = null;
    int depth = 0;
    int group = 0;
    int groups = 0;
    char bracket = 0;
    int dash = Token.NO_DASH;
    char sep = 0;
    int i = 0;
    while (i < n) {
      char c = src.charAt(i);
      if (isWordChar(c)) {
        int start = i;
        while (i < n && isWordChar(src.charAt(i))) {
          i++;
        }
        if (scratch == null && needsFolding(src, start, i)) {
          scratch = scratch(n);
        }
        out[count] = new Token(key(src, start, i, scratch), start, i, group, depth > 0 ? bracket : 0,
            dash, sep, count);
        count++;
        dash = Token.NO_DASH;
        sep = 0;
        continue;
      }
      if (c == '(' || c == '[' || c == '{' || c == '\u3010' || c == '\u300c' || c == '\u300e') {
        if (depth == 0) {
          group = ++groups;
          bracket = c;
        }
        depth++;
      } else if (c == ')' || c == ']' || c == '}' || c == '\u3011' || c == '\u300d' || c == '\u300f') {
        depth = Math.max(0, depth - 1);
        if (depth == 0) {
          group = 0;
        }
      } else if (isDash(c)) {
        boolean spaced = isSpace(src, i - 1) || isSpace(src, i + 1);
        dash = Math.max(dash, spaced ? Token.SPACED_DASH : Token.TIGHT_DASH);
      }
      sep = c;
      i++;
    }
    return new Segment(src, out);
  }

  /** The number of tokens {@link #of} cuts, so the token array is allocated once at its size. */
  private static int countWords(String src) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < src.length(); i++) {
      boolean w = isWordChar(src.charAt(i));
      words += w && !in ? 1 : 0;
      in = w;
    }
    return words;
  }

  /** Per-thread room to fold keys in, grown to the longest name seen: no buffer per name. */
  private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[256]);

  private static char[] scratch(int n) {
    char[] c = SCRATCH.get();
    if (c.length < n) {
      c = new char[Math.max(n, c.length * 2)];
      SCRATCH.set(c);
    }
    return c;
  }

  /** The source text from the start of token {@code from} to the end of token {@code to}. */
  String text(int from, int to) {
    return src.substring(tokens[from].start, tokens[to].end);
  }

  int size() {
    return tokens.length;
  }

  private static boolean isSpace(String s, int i) {
    if (i < 0 || i >= s.length()) {
      return true;
    }
    char c = s.charAt(i);
    return c == ' ' || c == '.' || c == '_' || c == '\t';
  }

  static boolean isDash(char c) {
    return c == '-' || c == '~' || c == '\u2013' || c == '\u2014';
  }

  static boolean isWordChar(char c) {
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    return switch (c) {
      case ' ', '.', '_', ',', ';', '+', '&', '|', '/', '\\', '*', '?', '"', '<', '>', '=', '\t', '(',
          ')', '[', ']', '{', '}', '-', '~', '\u2013', '\u2014', '\u3000', '\u3010', '\u3011', '\u300c', '\u300d', '\u300e',
          '\u300f', '\u2605', '\u2606', '\u30fb' -> false;
      default -> true;
    };
  }

  private static boolean needsFolding(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lower case, letters and digits only; the raw text when nothing would be left. {@code scratch}
   * (the segment's length, shared by its tokens) holds the folded form while it is built.
   */
  private static String key(String s, int from, int to, char[] scratch) {
    char[] out = null;
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        if (out != null) {
          out[n] = c;
        }
        n++;
        continue;
      }
      if (out == null) {
        out = scratch;
        s.getChars(from, i, out, 0);
      }
      if (c >= 'A' && c <= 'Z') {
        out[n++] = (char) (c + 32);
      } else if (c >= 128 && Character.isLetterOrDigit(c)) {
        out[n++] = Character.toLowerCase(c);
      }
    }
    if (out == null) {
      String known = KnownWords.find(s, from, to);
      return known != null ? known : s.substring(from, to);
    }
    if (n == 0) {
      return s.substring(from, to);
    }
    String known = KnownWords.find(out, n);
    return known != null ? known : new String(out, 0, n);
  }
}
