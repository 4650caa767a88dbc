package org.videoorganizer.core.parse;

/** Names written backwards (a trick of some uploaders): "...10E20S.retraC.gnidniF". */
final class Reversed {
  private Reversed() {}

  /** True when the name has a backwards marker (10E20S) and no forward one (S02E01). */
  static boolean isReversed(String s) {
    return has(s, "ddedds") && !has(s, "sddedd");
  }

  /** Whether {@code s} contains {@code shape}, where 'd' stands for any digit. */
  private static boolean has(String s, String shape) {
    String want = shape;
    int n = want.length();
    outer:
    for (int i = 0; i + n <= s.length(); i++) {
      for (int k = 0; k < n; k++) {
        char w = want.charAt(k);
        char c = s.charAt(i + k);
        if (w == 'd' ? c < '0' || c > '9' : Character.toLowerCase(c) != w) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }
}
