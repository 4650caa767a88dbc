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
        i = EpisodeContinuation.after(ts, next, f) - 1;
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
          return SeasonContinuation.seasonList(ts, i, k, f);
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
      if (d < n && k.charAt(d) == 'x' && (d <= 2 || d == 4 && Numbers.isYear(Numbers.parse(k, 0, 4)))
          && !isResolution(k, d)) {
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
    if (c0 == '\u7b2c' && n >= 3) {
      return cjkCounter(t, k, f) ? i + 1 : -1;
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

  /**
   * "1920x910", "1280x536": width by height of a picture, never a season and episode (2016x05
   * and 2x05 stay episodes). Both sides at least three digits and a screen-like aspect ratio.
   */
  static boolean isResolution(String k, int x) {
    int end = Numbers.digitRun(k, x + 1);
    if (end != k.length() || x < 3 || end - x - 1 < 3) {
      return false;
    }
    int w = Numbers.parse(k, 0, x);
    int h = Numbers.parse(k, x + 1, end);
    return h >= 200 && w > h && w <= h * 3;
  }

  /** Chinese and Japanese counters: 第05話 / 第5集 (episode), 第2季 (season). */
  private static boolean cjkCounter(Token t, String k, Facts f) {
    int d = Numbers.digitRun(k, 1);
    if (d == 1 || d != k.length() - 1) {
      return false;
    }
    int v = Numbers.parse(k, 1, d);
    switch (k.charAt(d)) {
      case '\u8a71', '\u8bdd', '\u96c6' -> f.addEpisode(v);
      case '\u5b63' -> f.addSeason(v);
      default -> {
        return false;
      }
    }
    mark(t, Kind.EPISODE, f);
    return true;
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
      return SeasonContinuation.after(ts, i + 2, v, f, true);
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
        if (f.seasons.isEmpty()) {
          f.addSeason(v / 100);
        }
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
    int j = SeasonContinuation.after(ts, i + 1, season, f, false);
    if (j < ts.length && ts[j].free() && f.seasons.size() == 1) {
      String k = ts[j].key;
      if (k.length() >= 2 && k.length() <= 4 && k.charAt(0) == 'x' && Numbers.isDigits(k.substring(1))) {
        f.addEpisode(Numbers.parse(k, 1, k.length()));
        mark(ts[j], Kind.EPISODE, f);
        return j + 1;
      }
      int spaced = spacedEpisode(ts, j, f);
      if (spaced >= 0) {
        return spaced;
      }
    }
    return j;
  }


  /**
   * The episode written apart from its season: "S01 E02", "S01.E.01", "S41 E10478" (daily shows
   * number past 9999), "S02 Ep 5". Returns the index after it, or -1.
   */
  private static int spacedEpisode(Token[] ts, int j, Facts f) {
    String k = ts[j].key;
    int from = k.startsWith("ep") ? 2 : k.startsWith("e") ? 1 : -1;
    if (from < 0) {
      return -1;
    }
    int d = Numbers.digitRun(k, from);
    if (d == k.length() && d > from && d - from <= 5) {
      f.addEpisode(Numbers.parse(k, from, d));
      mark(ts[j], Kind.EPISODE, f);
      return j + 1;
    }
    if (d == from && d == k.length() && j + 1 < ts.length && ts[j + 1].free() && ts[j + 1].isDigits()
        && ts[j + 1].key.length() <= 5) {
      ts[j].kind = Kind.EPISODE;
      f.addEpisode(ts[j + 1].number());
      mark(ts[j + 1], Kind.EPISODE, f);
      return j + 2;
    }
    return -1;
  }

  static void yearFromSeason(int season, int digits, Facts f) {
    if (digits == 4 && Numbers.isYear(season) && f.year == null) {
      f.year = season;
    }
  }

  static void mark(Token t, Kind kind, Facts f) {
    t.kind = kind;
    f.marker(t.index);
  }
}
