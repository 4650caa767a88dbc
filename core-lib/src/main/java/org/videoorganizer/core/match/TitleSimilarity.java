package org.videoorganizer.core.match;

import java.util.HashMap;
import java.util.Map;

/**
 * How alike two titles are, in [0, 1]: 1 for equal keys (see {@link TitleNormalizer}), 0.97
 * when they differ only by "and" or a trailing qualifier, otherwise the Dice coefficient of the
 * letter pairs of the keys, capped at 0.9 so that only an equal title can be fully sure, and at
 * 0.6 when the numbers differ ("RoboCop" against "RoboCop 2"). A file title equal to the part
 * before a subtitle scores 0.8: a candidate to show in review, never enough to accept alone.
 */
final class TitleSimilarity {

  private TitleSimilarity() {}

  /** The best likeness over several keys of the file's title (e.g. with and without "Part 2"). */
  static double of(java.util.List<String> fileTitleKeys, String candidateTitle) {
    double best = 0;
    for (String key : fileTitleKeys) {
      best = Math.max(best, of(key, candidateTitle));
    }
    return best;
  }

  static double of(String fileTitleKey, String candidateTitle) {
    if (candidateTitle == null || candidateTitle.isBlank() || fileTitleKey.isEmpty()) {
      return 0;
    }
    String key = TitleNormalizer.key(candidateTitle);
    if (key.equals(fileTitleKey)) {
      return 1;
    }
    String unqualified = TitleNormalizer.keyWithoutQualifier(candidateTitle);
    if (fileTitleKey.equals(unqualified) || withoutAnd(key).equals(withoutAnd(fileTitleKey))) {
      return 0.97;
    }
    String main = mainTitleKey(candidateTitle);
    if (main != null && main.equals(fileTitleKey)) {
      return 0.8;
    }
    double likeness = Math.min(0.9, dice(fileTitleKey.replace(" ", ""), key.replace(" ", "")));
    return numbers(fileTitleKey).equals(numbers(key)) ? likeness : Math.min(0.6, likeness);
  }

  /** The key of the part before a subtitle ("Mad Max" of "Mad Max: Fury Road"), or null. */
  private static String mainTitleKey(String title) {
    var m = SUBTITLE.matcher(title);
    if (!m.find() || m.start() < 3) {
      return null;
    }
    String main = TitleNormalizer.key(title.substring(0, m.start()));
    return main.length() >= 3 ? main : null;
  }

  // Must split: "Mad Max: Fury Road", "Saw 3D - The Final Chapter", "Back Street Girls -GOKUDOLS-".
  private static final java.util.regex.Pattern SUBTITLE = java.util.regex.Pattern.compile(":|\\s-\\s?");

  /** The numbers of a key: "Foo 2" is another film than "Foo", whatever the letters say. */
  private static java.util.List<String> numbers(String key) {
    var numbers = new java.util.ArrayList<String>();
    for (String w : key.split(" ")) {
      if (!w.isEmpty() && Character.isDigit(w.charAt(0))) {
        numbers.add(w);
      }
    }
    return numbers;
  }

  private static String withoutAnd(String key) {
    return (" " + key + " ").replace(" and ", " ").strip();
  }

  static double dice(String a, String b) {
    if (a.length() < 2 || b.length() < 2) {
      return a.equals(b) ? 1 : 0;
    }
    Map<Integer, Integer> pairs = new HashMap<>();
    for (int i = 0; i < a.length() - 1; i++) {
      pairs.merge(a.charAt(i) << 16 | a.charAt(i + 1), 1, Integer::sum);
    }
    int common = 0;
    for (int i = 0; i < b.length() - 1; i++) {
      Integer n = pairs.get(b.charAt(i) << 16 | b.charAt(i + 1));
      if (n != null && n > 0) {
        pairs.put(b.charAt(i) << 16 | b.charAt(i + 1), n - 1);
        common++;
      }
    }
    return 2.0 * common / (a.length() - 1 + b.length() - 1);
  }
}
