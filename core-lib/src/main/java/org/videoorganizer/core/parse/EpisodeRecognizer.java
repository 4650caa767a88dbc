package org.videoorganizer.core.parse;

/**
 * Season and episode markers: S01E02 (also S01E02E03, S01xE02, S2017E368, s01.e02), 1x02 and
 * 02x03x04, E07 / Ep 7 / Episode 7, T02E22, "Season 2 Episode 3" in several languages,
 * multi-season packs (S01-S04, Season 1 to 3, Seasons 1 &amp; 2) and episode ranges (E01-E03,
 * 16-20). Bare numbers (Show 102, [Group] Show - 12) are left to {@link NumberRecognizer}.
 */
final class EpisodeRecognizer {

  void recognize(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    for (int i = 0; i < ts.length; i++) {
      Token t = ts[i];
      if (!t.free()) {
        continue;
      }
      int next = compact(ts, i, f);
      if (next < 0) {
        next = worded(ts, i, f);
      }
      if (next >= 0) {
        i = continuation(ts, next, f) - 1;
      }
    }
  }

  /** S01E02 style in one token; returns the index after it, or -1. */
  private int compact(Token[] ts, int i, Facts f) {
    Token t = ts[i];
    String k = t.key;
    int n = k.length();
    if (n < 2 && !(n == 1 && Character.isDigit(k.charAt(0)))) {
      return -1;
    }
    char c0 = k.charAt(0);
    if ((c0 == 's' || c0 == 't') && Character.isDigit(k.charAt(1))) {
      int d = Numbers.digitRun(k, 1);
      int season = Numbers.parse(k, 1, d);
      if (d - 1 > 4 || season < 0) {
        return -1;
      }
      if (d == n) {
        if (c0 == 't') {
          return -1;
        }
        return seasonOnly(ts, i, season, f);
      }
      if (!episodesIn(k, d, f, true)) {
        if (c0 == 's' && k.charAt(d) == 'd' || c0 == 's' && k.startsWith("extras", d)) {
          f.addSeason(season);
          mark(t, Kind.SEASON, f);
          return i + 1;
        }
        if (c0 == 's' && k.charAt(d) == 's') {
          return seasonList(ts, i, k, f);
        }
        return -1;
      }
      f.addSeason(season);
      yearFromSeason(season, d - 1, f);
      mark(t, Kind.EPISODE, f);
      return i + 1;
    }
    if (Character.isDigit(c0)) {
      int d = Numbers.digitRun(k, 0);
      if (d < n && k.charAt(d) == 'x' && (d <= 2 || d == 4 && Numbers.isYear(Numbers.parse(k, 0, 4)))) {
        int second = Numbers.digitRun(k, d + 1);
        if (second - d - 1 >= 1 && second - d - 1 <= 3 && episodesIn(k, d, f, false)) {
          int season = Numbers.parse(k, 0, d);
          f.addSeason(season);
          yearFromSeason(season, d, f);
          mark(t, Kind.EPISODE, f);
          return i + 1;
        }
      }
      if (d < n - 2 && k.startsWith("of", d) && Numbers.digitRun(k, d + 2) == n) {
        f.addEpisode(Numbers.parse(k, 0, d));
        mark(t, Kind.EPISODE, f);
        return i + 1;
      }
      if (d == n && i + 2 < ts.length && ts[i + 1].key.equals("of") && ts[i + 2].isDigits()
          && d <= 3 && ts[i + 2].number() >= Numbers.parse(k, 0, d) && f.episodes.isEmpty()) {
        f.addEpisode(Numbers.parse(k, 0, d));
        mark(t, Kind.EPISODE, f);
        ts[i + 1].kind = Kind.EPISODE;
        ts[i + 2].kind = Kind.EPISODE;
        f.marker(i + 2);
        return i + 3;
      }
      return -1;
    }
    if (c0 == 'e' && episodesIn(k, 0, f, true)) {
      mark(t, Kind.EPISODE, f);
      return i + 1;
    }
    if (c0 == 'e') {
      int from = k.startsWith("episode") ? 7 : k.startsWith("ep") ? 2 : 1;
      int d = Numbers.digitRun(k, from);
      if (d > from && d - from <= 4) {
        int end = k.startsWith("v", d) ? Numbers.digitRun(k, d + 1) : d;
        if (end == n) {
          f.addEpisode(Numbers.parse(k, from, d));
          mark(t, Kind.EPISODE, f);
          return i + 1;
        }
      }
    }
    return -1;
  }

  /** Reads e02e03, x02, xe02 runs starting at {@code at}; true when the whole rest is read. */
  private static boolean episodesIn(String k, int at, Facts f, boolean letterE) {
    int n = k.length();
    int i = at;
    int count = 0;
    int[] found = new int[8];
    while (i < n && count < found.length) {
      char c = k.charAt(i);
      int start;
      if (c == 'x' && i + 1 < n && k.charAt(i + 1) == 'e') {
        start = i + 2;
      } else if (c == 'e' && letterE && i + 1 < n && k.charAt(i + 1) == 'p') {
        start = i + 2;
      } else if (c == 'e' && letterE || c == 'x') {
        start = i + 1;
      } else if (c == 'v' && count > 0) {
        int d = Numbers.digitRun(k, i + 1);
        if (d == n && d > i + 1) {
          break;
        }
        return false;
      } else {
        return false;
      }
      int d = Numbers.digitRun(k, start);
      if (d == start || d - start > 4) {
        return false;
      }
      found[count++] = Numbers.parse(k, start, d);
      i = d;
    }
    if (count == 0) {
      return false;
    }
    for (int j = 0; j < count; j++) {
      f.addEpisode(found[j]);
    }
    return true;
  }

  /** "Season 2", "Saison 1 a 3", "Episode 9", "Ep 2x03", "Cap.1503"; index after, or -1. */
  private int worded(Token[] ts, int i, Facts f) {
    Token t = ts[i];
    if (i + 1 >= ts.length) {
      return -1;
    }
    Token n = ts[i + 1];
    if (Words.isSeasonWord(t.key)) {
      int v = leadingNumber(n.key);
      if (v < 0) {
        v = Math.max(Numbers.roman(n.key), Numbers.word(n.key));
      }
      if (v < 0 || !n.free()) {
        return -1;
      }
      t.kind = Kind.SEASON;
      f.addSeason(v);
      yearFromSeason(v, Numbers.digitRun(n.key, 0), f);
      mark(n, Kind.SEASON, f);
      return seasonContinuation(ts, i + 2, v, f);
    }
    if (Words.isEpisodeWord(t.key)) {
      int j = i + 1;
      if (!n.free() || !f.episodes.isEmpty()) {
        return -1;
      }
      int before = f.episodes.size();
      if (compact(ts, j, f) >= 0) {
        t.kind = Kind.EPISODE;
        return j + 1;
      }
      int v = leadingNumber(n.key);
      if (v < 0 || f.episodes.size() != before) {
        return -1;
      }
      t.kind = Kind.EPISODE;
      if (t.key.startsWith("cap") && n.key.length() >= 3 && n.isDigits()) {
        f.addSeason(v / 100);
        f.addEpisode(v % 100);
        mark(n, Kind.EPISODE, f);
        if (j + 1 < ts.length && ts[j + 1].isDigits() && ts[j + 1].key.length() == n.key.length()) {
          f.addEpisodeRange(v % 100, ts[j + 1].number() % 100);
          mark(ts[j + 1], Kind.EPISODE, f);
          return j + 2;
        }
        return j + 1;
      }
      f.addEpisode(v);
      mark(n, Kind.EPISODE, f);
      return j + 1;
    }
    return -1;
  }

  /** Digits at the start of a key ("2" or "2of5"); -1 when it does not start with digits. */
  private static int leadingNumber(String k) {
    int d = Numbers.digitRun(k, 0);
    if (d == 0 || d > 4) {
      return -1;
    }
    boolean version = d + 1 < k.length() && k.charAt(d) == 'v' && Numbers.digitRun(k, d + 1) == k.length();
    if (d < k.length() && !k.startsWith("of", d) && !version) {
      return -1;
    }
    return Numbers.parse(k, 0, d);
  }

  private int seasonOnly(Token[] ts, int i, int season, Facts f) {
    f.addSeason(season);
    yearFromSeason(season, ts[i].key.length() - 1, f);
    mark(ts[i], Kind.SEASON, f);
    int j = seasonContinuation(ts, i + 1, season, f);
    if (j < ts.length && ts[j].free() && f.seasons.size() == 1) {
      String k = ts[j].key;
      if (k.length() >= 2 && k.length() <= 4 && k.charAt(0) == 'x' && Numbers.isDigits(k.substring(1))) {
        f.addEpisode(Numbers.parse(k, 1, k.length()));
        mark(ts[j], Kind.EPISODE, f);
        return j + 1;
      }
    }
    return j;
  }

  /** S01S02S03 in one token. */
  private int seasonList(Token[] ts, int i, String k, Facts f) {
    int at = 0;
    while (at < k.length() && k.charAt(at) == 's') {
      int d = Numbers.digitRun(k, at + 1);
      if (d == at + 1) {
        return -1;
      }
      at = d;
    }
    if (at != k.length()) {
      return -1;
    }
    for (int p = 0; p < k.length(); ) {
      int d = Numbers.digitRun(k, p + 1);
      f.addSeason(Numbers.parse(k, p + 1, d));
      p = d;
    }
    mark(ts[i], Kind.SEASON, f);
    return i + 1;
  }

  /** After a season number: more seasons (1-3, 1 &amp; 3, 1.3.4, 1 to 5, S01 S02, S01-S10). */
  private int seasonContinuation(Token[] ts, int j, int last, Facts f) {
    int width = j > 0 ? Numbers.digitRun(ts[j - 1].key, ts[j - 1].key.startsWith("s") ? 1 : 0)
        - (ts[j - 1].key.startsWith("s") ? 1 : 0) : 0;
    while (j < ts.length && ts[j].free()) {
      Token t = ts[j];
      String k = t.key;
      boolean range = t.dashBefore != Token.NO_DASH;
      int skip = 0;
      if (k.equals("to") || k.equals("a") || k.equals("au") || k.equals("bis")) {
        range = true;
        skip = 1;
      } else if (k.equals("&") || k.equals("and") || k.equals("et")) {
        skip = 1;
      }
      int at = j + skip;
      if (at >= ts.length || !ts[at].free()) {
        break;
      }
      String v = ts[at].key;
      int num;
      if (v.length() >= 2 && v.charAt(0) == 's' && Numbers.isDigits(v.substring(1))) {
        num = Numbers.parse(v, 1, v.length());
      } else if (Numbers.isDigits(v) && v.length() <= 2 && (skip == 1 || range || v.length() == width)) {
        num = Numbers.parse(v, 0, v.length());
        if (ts[at].dashBefore == Token.SPACED_DASH && num <= last && skip == 0) {
          break;
        }
      } else {
        break;
      }
      if (num > last + 30 || num <= 0 && skip == 0) {
        break;
      }
      if (range || skip == 1 && k.length() > 1 && !k.equals("and") && !k.equals("et")) {
        f.addSeasonRange(last, num);
      } else {
        f.addSeason(num);
      }
      for (int m = j; m <= at; m++) {
        mark(ts[m], Kind.SEASON, f);
      }
      last = num;
      j = at + 1;
    }
    return j;
  }

  /** After an episode marker: E03, x04, -04 (range), 02x04 of the same season. */
  private int continuation(Token[] ts, int j, Facts f) {
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
      mark(t, Kind.EPISODE, f);
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

  private static void yearFromSeason(int season, int digits, Facts f) {
    if (digits == 4 && Numbers.isYear(season) && f.year == null) {
      f.year = season;
    }
  }

  private static void mark(Token t, Kind kind, Facts f) {
    t.kind = kind;
    f.marker(t.index);
  }
}
