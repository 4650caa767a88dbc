package org.videoorganizer.core.parse;

/**
 * The token keys the parser knows before it sees a name: every word of the release vocabulary,
 * the season, episode and month words, the small words of titles, numbers up to 99 and the
 * years 1900..2099. A token whose key is one of them shares that String instead of allocating
 * its own, which saves about a third of the allocation per name (release names are mostly
 * known words). Built once; read-only afterwards, so it is safe for every thread.
 */
final class KnownWords {
  private KnownWords() {}

  private static final String[] SMALL_WORDS = {"the", "a", "an", "of", "and", "in", "on", "at", "to",
      "for", "by", "with", "from", "is", "it", "my", "no", "vs", "part", "s", "e", "x", "v", "de", "la",
      "le", "les", "der", "die", "das", "el", "los", "il", "us", "uk", "movie", "show", "sample", "trailer"};

  private static final String[] TABLE = build();
  private static final int MASK = TABLE.length - 1;

  private static String[] build() {
    var words = new java.util.HashSet<String>(Vocabulary.DEFAULT.words());
    words.addAll(Words.all());
    words.addAll(java.util.List.of(SMALL_WORDS));
    for (int i = 0; i <= 99; i++) {
      words.add(Integer.toString(i));
      words.add(String.format(java.util.Locale.ROOT, "%02d", i));
      words.add(String.format(java.util.Locale.ROOT, "%03d", i));
    }
    for (int y = 1900; y <= 2099; y++) {
      words.add(Integer.toString(y));
    }
    int size = Integer.highestOneBit(words.size() * 4);
    String[] table = new String[size];
    for (String w : words) {
      int i = w.hashCode() & (size - 1);
      while (table[i] != null) {
        i = (i + 1) & (size - 1);
      }
      table[i] = w;
    }
    return table;
  }

  /** The known String equal to {@code s[from, to)}, or null. */
  static String find(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    for (int i = h & MASK; TABLE[i] != null; i = (i + 1) & MASK) {
      String w = TABLE[i];
      if (w.length() == to - from && s.regionMatches(from, w, 0, to - from)) {
        return w;
      }
    }
    return null;
  }

  /** The known String equal to {@code c[0, n)}, or null. */
  static String find(char[] c, int n) {
    int h = 0;
    for (int i = 0; i < n; i++) {
      h = 31 * h + c[i];
    }
    for (int i = h & MASK; TABLE[i] != null; i = (i + 1) & MASK) {
      String w = TABLE[i];
      if (w.length() == n && same(w, c, n)) {
        return w;
      }
    }
    return null;
  }

  private static boolean same(String w, char[] c, int n) {
    for (int i = 0; i < n; i++) {
      if (w.charAt(i) != c[i]) {
        return false;
      }
    }
    return true;
  }
}
