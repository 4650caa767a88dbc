package org.videoorganizer.core.match;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How alike two titles are, in [0, 1]: 1 for equal keys (see {@link TitleNormalizer}), 0.97
 * when they differ only by "and" or a trailing qualifier, otherwise the Dice coefficient of the
 * letter pairs of the keys, capped at 0.9 so that only an equal title can be fully sure, and at
 * 0.6 when the numbers differ ("RoboCop" against "RoboCop 2"). A file title equal to the part
 * before a subtitle scores 0.8: a candidate to show in review, never enough to accept alone.
 */
final class TitleSimilarity {

  // Must split: "Mad Max: Fury Road", "Saw 3D - The Final Chapter", "Back Street Girls -GOKUDOLS-".
  private static final Pattern SUBTITLE = Pattern.compile(":|\\s-\\s?");

  /** What the comparisons need of one key: its form without "and", its numbers, its letter pairs. */
  private record KeyForms(String withoutAnd, List<String> numbers, int[] pairs) {}

  /** What the comparisons need of one candidate title; TMDB titles come back again and again. */
  private record TitleForms(String key, String unqualified, String main, KeyForms forms) {}

  private static final Cache<String, KeyForms> KEYS = Caffeine.newBuilder().maximumSize(200_000).build();
  private static final Cache<String, TitleForms> TITLES = Caffeine.newBuilder().maximumSize(200_000).build();

  private TitleSimilarity() {}

  /** The best likeness over several keys of the file's title (e.g. with and without "Part 2"). */
  static double of(List<String> fileTitleKeys, String candidateTitle) {
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
    TitleForms title = TITLES.get(candidateTitle, TitleSimilarity::titleForms);
    if (title.key().equals(fileTitleKey)) {
      return 1;
    }
    KeyForms file = KEYS.get(fileTitleKey, TitleSimilarity::keyForms);
    if (fileTitleKey.equals(title.unqualified()) || file.withoutAnd().equals(title.forms().withoutAnd())) {
      return 0.97;
    }
    if (fileTitleKey.equals(title.main())) {
      return 0.8;
    }
    double likeness = Math.min(0.9, dice(file.pairs(), title.forms().pairs()));
    return file.numbers().equals(title.forms().numbers()) ? likeness : Math.min(0.6, likeness);
  }

  private static TitleForms titleForms(String title) {
    String key = TitleNormalizer.key(title);
    return new TitleForms(key, TitleNormalizer.keyWithoutQualifier(title), mainTitleKey(title),
        KEYS.get(key, TitleSimilarity::keyForms));
  }

  private static KeyForms keyForms(String key) {
    var numbers = new ArrayList<String>();
    for (String w : key.split(" ")) {
      if (!w.isEmpty() && Character.isDigit(w.charAt(0))) {
        numbers.add(w); // "Foo 2" is another film than "Foo", whatever the letters say
      }
    }
    return new KeyForms((" " + key + " ").replace(" and ", " ").strip(), List.copyOf(numbers), pairs(key.replace(" ", "")));
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

  static double dice(String a, String b) {
    if (a.length() < 2 || b.length() < 2) {
      return a.equals(b) ? 1 : 0;
    }
    return dice(pairs(a), pairs(b));
  }

  /** The adjacent letter pairs of a string, as sorted ints. */
  private static int[] pairs(String s) {
    int[] pairs = new int[Math.max(0, s.length() - 1)];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = s.charAt(i) << 16 | s.charAt(i + 1);
    }
    Arrays.sort(pairs);
    return pairs;
  }

  /** Dice coefficient of two sorted pair lists (a multiset intersection by merging). */
  private static double dice(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int common = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return 2.0 * common / (a.length + b.length);
  }
}
