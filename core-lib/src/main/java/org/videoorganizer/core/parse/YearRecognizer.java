package org.videoorganizer.core.parse;

/**
 * The release year: a 1900..2099 number that is not the first word of a longer title (1917,
 * 2001 A Space Odyssey). A year in brackets wins; otherwise the last candidate before the first
 * release word or episode marker (so "Blade Runner 2049 2017" keeps 2049 in the title), else the
 * first one after.
 */
final class YearRecognizer {

  void recognize(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    int boundary = firstClaimed(ts);
    int chosen = -1;
    int bracketed = -1;
    int after = -1;
    int candidates = 0;
    for (int i = 0; i < ts.length; i++) {
      Token t = ts[i];
      if (!t.free() || t.key.length() != 4 || !t.isDigits() || !Numbers.isYear(t.number())) {
        continue;
      }
      if (t.dashBefore == Token.SPACED_DASH && i > 0 && ts[i - 1].kind == Kind.EPISODE) {
        continue;
      }
      candidates++;
      if (t.group != 0 && bracketed < 0 && groupSize(ts, i) == 1) {
        bracketed = i;
      }
      if (i < boundary) {
        chosen = i;
      } else if (after < 0) {
        after = i;
      }
    }
    if (candidates == 0) {
      return;
    }
    int pick = bracketed >= 0 ? bracketed : chosen >= 0 ? chosen : after;
    if (pick == 0 && bracketed < 0 && startsTitle(ts, boundary)) {
      pick = after > 0 ? after : -1;
    }
    if (pick < 0) {
      return;
    }
    ts[pick].kind = Kind.YEAR;
    if (f.year == null) {
      f.year = ts[pick].number();
    }
    f.monthYear = ts[pick].group == 0 && monthBefore(ts, pick);
  }

  /**
   * "Vacation Hawaii July 2015": a month name right before the year dates a personal video; a
   * film gives its year alone. "Born on the Fourth of July 1989" is a title ("of" before it).
   */
  private static boolean monthBefore(Token[] ts, int y) {
    if (y < 2 || !ts[y - 1].free() || !Words.isMonth(ts[y - 1].key)) {
      return false;
    }
    return !ts[y - 2].key.equals("of");
  }

  /** A number at index 0 starts the title when free words follow it before any claimed word. */
  private static boolean startsTitle(Token[] ts, int boundary) {
    if (ts.length == 1) {
      return false;
    }
    int freeAfter = 0;
    for (int i = 1; i < Math.min(boundary, ts.length); i++) {
      if (ts[i].free()) {
        freeAfter++;
      }
    }
    return freeAfter > 0;
  }

  private static int groupSize(Token[] ts, int i) {
    int g = ts[i].group;
    int n = 0;
    for (Token t : ts) {
      if (t.group == g) {
        n++;
      }
    }
    return n;
  }

  private static int firstClaimed(Token[] ts) {
    for (int i = 0; i < ts.length; i++) {
      Kind k = ts[i].kind;
      if (k != null && k != Kind.GROUP && k != Kind.WEBSITE && (i > 0 || ts.length == 1)) {
        return i;
      }
    }
    return ts.length;
  }
}
