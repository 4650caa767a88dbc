package org.videoorganizer.core.parse;

/** More episodes after an episode marker: E01E02, E01-E03, S01E01-S01E21, 02x03 - 02x04, E01+02. */
final class EpisodeContinuation {
  private EpisodeContinuation() {}

  /** After an episode marker: E03, x04, -04 (range), 02x04 of the same season. */
  static int after(Token[] ts, int j, Facts f) {
    while (j < ts.length && ts[j].free() && !f.episodes.isEmpty()) {
      Token t = ts[j];
      String k = t.key;
      int last = f.episodes.get(f.episodes.size() - 1);
      boolean tight = t.dashBefore == Token.TIGHT_DASH;
      int num = -1;
      if (Vocabulary.DEFAULT.has(k)) {
        break;
      }
      if (k.length() >= 2 && (k.charAt(0) == 'e' || k.charAt(0) == 'x') && Numbers.isDigits(k.substring(1))) {
        num = Numbers.parse(k, 1, k.length());
      } else if (tight && !f.seasons.isEmpty() && sameSeasonCompact(k, f.seasons.get(0)) > 0) {
        num = sameSeasonCompact(k, f.seasons.get(0));
      } else if (t.sepBefore == '+' && t.isDigits() && k.length() <= 3) {
        num = t.number();
      } else if (f.seasons.isEmpty() && t.dashBefore == Token.NO_DASH && t.isDigits() && k.length() == 2
          && t.number() > last) {
        num = t.number();
      } else if (k.startsWith("xe") && k.length() > 2 && Numbers.isDigits(k.substring(2))) {
        num = Numbers.parse(k, 2, k.length());
      } else if (tight && t.isDigits() && k.length() <= 3 && t.number() > last) {
        num = t.number();
      } else if (!f.seasons.isEmpty() && sameSeasonCross(k, f.seasons.get(0))) {
        num = Numbers.parse(k, k.indexOf('x') + 1, k.length());
      }
      if (num < 0) {
        break;
      }
      if (tight && num > last) {
        f.addEpisodeRange(last, num);
      } else {
        f.addEpisode(num);
      }
      EpisodeRecognizer.mark(t, Kind.EPISODE, f);
      j++;
    }
    return j;
  }

  /** The episode of "s01e21" when its season is {@code season}, else -1. */
  private static int sameSeasonCompact(String k, int season) {
    if (k.length() < 4 || k.charAt(0) != 's') {
      return -1;
    }
    int d = Numbers.digitRun(k, 1);
    if (d == 1 || d >= k.length() || k.charAt(d) != 'e' || Numbers.parse(k, 1, d) != season) {
      return -1;
    }
    int e = Numbers.digitRun(k, d + 1);
    return e == k.length() && e > d + 1 ? Numbers.parse(k, d + 1, e) : -1;
  }

  private static boolean sameSeasonCross(String k, int season) {
    int x = k.indexOf('x');
    return x > 0 && Numbers.isDigits(k.substring(0, x)) && Numbers.parse(k, 0, x) == season
        && x + 1 < k.length() && Numbers.isDigits(k.substring(x + 1));
  }
}
