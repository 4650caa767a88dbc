package org.videoorganizer.core.parse;

/**
 * Title case for names typed all in lower case ("game of thrones" reads "Game of Thrones"), when
 * nothing better (a folder's spelling, TMDB's title) is known. Names with any capital letter are
 * left as written: their author chose the case ("iZombie", "RuPaul's Drag Race").
 */
final class TitleCase {
  private TitleCase() {}

  private static final java.util.Set<String> SMALL = java.util.Set.of("a", "an", "the", "and", "or",
      "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs", "de", "la", "le", "el",
      "du", "des", "di", "da", "von", "und");

  static String ofLowerCase(String title) {
    if (title == null || !allLowerCase(title)) {
      return title;
    }
    char[] c = title.toCharArray();
    int i = 0;
    boolean first = true;
    while (i < c.length) {
      if (!Character.isLetterOrDigit(c[i])) {
        i++;
        continue;
      }
      int start = i;
      while (i < c.length && (Character.isLetterOrDigit(c[i]) || c[i] == '\'')) {
        i++;
      }
      if (first || !SMALL.contains(title.substring(start, i))) {
        c[start] = Character.toTitleCase(c[start]);
      }
      first = false;
    }
    return new String(c);
  }

  private static boolean allLowerCase(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
        return false;
      }
      letter |= Character.isLowerCase(c);
    }
    return letter;
  }
}
