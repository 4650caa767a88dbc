package org.videoorganizer.core.parse;

/** Multi-season packs after a season marker: S01S02S03, S01-S10, Season 1 to 3, Seasons 1 &amp; 2. */
final class SeasonContinuation {
  private SeasonContinuation() {}

  /** S01S02S03 in one token. */
  static int seasonList(Token[] ts, int i, String k, Facts f) {
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
    EpisodeRecognizer.mark(ts[i], Kind.SEASON, f);
    return i + 1;
  }

  /** After a season number: more seasons (1-3, 1 &amp; 3, 1.3.4, 1 to 5, S01 S02, S01-S10). */
  static int after(Token[] ts, int j, int last, Facts f, boolean worded) {
    int width = j > 0 ? Numbers.digitRun(ts[j - 1].key, ts[j - 1].key.startsWith("s") ? 1 : 0)
        - (ts[j - 1].key.startsWith("s") ? 1 : 0) : 0;
    while (j < ts.length && ts[j].free()) {
      Token t = ts[j];
      String k = t.key;
      boolean range = t.dashBefore != Token.NO_DASH;
      if (t.dashBefore == Token.SPACED_DASH && !worded && !k.startsWith("s")) {
        break;
      }
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
        EpisodeRecognizer.mark(ts[m], Kind.SEASON, f);
      }
      last = num;
      j = at + 1;
    }
    return j;
  }
}
