package org.videoorganizer.core.parse;

/** Small allocation-free number helpers for token keys. */
final class Numbers {
  private Numbers() {}

  static boolean isDigits(String s) {
    return !s.isEmpty() && digitRun(s, 0) == s.length();
  }

  /** Index of the first non-digit at or after {@code from}. */
  static int digitRun(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** The value of the ASCII digits in [from, to), or -1 when empty or too long. */
  static int parse(String s, int from, int to) {
    if (to <= from || to - from > 9) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static boolean isYear(int v) {
    return v >= 1900 && v <= 2099;
  }

  /** Roman numeral value of a lower-case key (i..xx), or -1. */
  static int roman(String key) {
    return switch (key) {
      case "i" -> 1; case "ii" -> 2; case "iii" -> 3; case "iv" -> 4; case "v" -> 5;
      case "vi" -> 6; case "vii" -> 7; case "viii" -> 8; case "ix" -> 9; case "x" -> 10;
      case "xi" -> 11; case "xii" -> 12; case "xiii" -> 13; case "xiv" -> 14; case "xv" -> 15;
      default -> -1;
    };
  }

  /** Value of a spelled number (English, French, Spanish, German) up to ten, or -1. */
  static int word(String key) {
    return switch (key) {
      case "one", "un", "une", "uno", "eins" -> 1;
      case "two", "deux", "dos", "zwei" -> 2;
      case "three", "trois", "tres", "drei" -> 3;
      case "four", "quatre", "cuatro", "vier" -> 4;
      case "five", "cinq", "cinco", "funf" -> 5;
      case "six", "seis", "sechs" -> 6;
      case "seven", "sept", "siete", "sieben" -> 7;
      case "eight", "huit", "ocho", "acht" -> 8;
      case "nine", "neuf", "nueve", "neun" -> 9;
      case "ten", "dix", "diez", "zehn" -> 10;
      default -> -1;
    };
  }
}
