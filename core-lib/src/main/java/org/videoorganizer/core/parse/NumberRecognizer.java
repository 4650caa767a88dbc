package org.videoorganizer.core.parse;

/**
 * Bare episode numbers, once explicit markers are known: "Show 102" (season 1 episode 2),
 * "Show.Name.02", anime "[Group] Show - 101" and "[21]" (absolute), numbers first in a file
 * inside a season folder ("Season 2/16 - Title.avi"), and absolute ranges next to S16E03-05.
 * Numbers that belong to titles stay: a single digit without context (Bad Boys 2), a number
 * before the year (The Wolf of Wall Street 2 (2013)), the first word of a movie (12 Angry Men).
 */
final class NumberRecognizer {

  /** Where the file sits: the season its folder names, or null. */
  record Context(Integer folderSeason, boolean folder) {
    static final Context NONE = new Context(null, false);
    static final Context FOLDER = new Context(null, true);
  }

  void recognize(Segment seg, Facts f, Context ctx) {
    Token[] ts = seg.tokens;
    if (ctx.folder() || f.bonus) {
      return;
    }
    if (!f.episodes.isEmpty()) {
      absoluteRanges(ts, f);
      return;
    }
    if (!f.seasons.isEmpty() && f.firstMarker >= 0 && ts[f.firstMarker].kind == Kind.SEASON) {
      afterSeason(ts, f);
      return;
    }
    int start = contentStart(ts);
    if (seasonDashEpisode(ts, start, f)) {
      return;
    }
    int limit = limit(ts, start);
    int first = -1;
    int last = -1;
    int dashed = -1;
    for (int i = start; i < limit; i++) {
      Token t = ts[i];
      if (!t.free() || value(t) < 0 || !isEpisodeNumber(ts, i, start, f, ctx) || rangeEnd(ts, i)) {
        continue;
      }
      first = first < 0 ? i : first;
      last = i;
      dashed = dashed < 0 && t.dashBefore == Token.SPACED_DASH ? i : dashed;
    }
    if (first < 0) {
      return;
    }
    int pick = first == start || f.animeStyle && dashed < 0 ? first : dashed >= 0 ? dashed : last;
    take(seg.src, ts, pick, value(ts[pick]), f, ctx);
    int taken = f.absolute.size();
    absoluteRanges(ts, f);
    if (taken > 0 && f.absolute.size() > taken) {
      // "Show - 16-20 (191-195)": beside an absolute range the first numbers count in the season
      f.episodes.addAll(f.absolute.subList(0, taken));
      f.absolute.subList(0, taken).clear();
    }
  }

  private static boolean rangeEnd(Token[] ts, int i) {
    return i > 0 && ts[i].dashBefore == Token.TIGHT_DASH && ts[i - 1].free() && value(ts[i - 1]) >= 0;
  }

  /** "[Group] Show S2 - 05": a number after " - " that follows a season marker is its episode. */
  private static void afterSeason(Token[] ts, Facts f) {
    int i = f.lastMarker + 1;
    if (f.seasons.size() == 1 && i < ts.length && ts[i].free() && ts[i].dashBefore == Token.SPACED_DASH
        && ts[i].isDigits() && ts[i].key.length() <= 4 && !Numbers.isYear(ts[i].number())) {
      f.addEpisode(ts[i].number());
      mark(ts[i], f);
    }
  }

  /** "1-12 - Title": season 1 episode 12 at the very start of a file name. */
  private static boolean seasonDashEpisode(Token[] ts, int s, Facts f) {
    if (s != 0 || ts.length < 3 || !ts[0].free() || !ts[1].free() || !ts[0].isDigits() || !ts[1].isDigits()) {
      return false;
    }
    if (ts[0].key.length() > 2 || ts[1].key.length() != 2 || ts[1].dashBefore != Token.TIGHT_DASH
        || ts[1].sepBefore != '-' || ts[2].dashBefore != Token.SPACED_DASH) {
      return false;
    }
    f.addSeason(ts[0].number());
    f.addEpisode(ts[1].number());
    mark(ts[0], f);
    mark(ts[1], f);
    return true;
  }

  private static int contentStart(Token[] ts) {
    int s = 0;
    while (s < ts.length && (ts[s].kind == Kind.GROUP || ts[s].kind == Kind.WEBSITE || ts[s].kind == Kind.OTHER && s == 0)) {
      s++;
    }
    return s;
  }

  private static boolean isEpisodeNumber(Token[] ts, int i, int start, Facts f, Context ctx) {
    Token t = ts[i];
    int len = digits(t.key);
    boolean spacedDash = t.dashBefore == Token.SPACED_DASH;
    boolean aloneInBracket = t.group != 0 && groupSize(ts, t.group) == 1 && t.bracket == '[';
    if (len == 4 && Numbers.isYear(t.number()) || len > 4) {
      return false;
    }
    if (followedByNumberAfterDash(ts, i) || followedByTightWord(ts, i)) {
      return false;
    }
    if (len == 1 && spacedDash && yearAfter(ts, i) && !f.animeStyle) {
      return false;
    }
    if (t.group != 0 && !aloneInBracket) {
      return false;
    }
    boolean seasonFolder = ctx.folderSeason() != null;
    if (i == start) {
      return ts.length == start + 1 || seasonFolder || t.key.charAt(0) == '0' && len >= 2
          || f.animeStyle && i > 0;
    }
    if (!hasFreeBefore(ts, i) && !aloneInBracket) {
      return false;
    }
    if (spacedDash || aloneInBracket || f.animeStyle) {
      return true;
    }
    if (yearAfter(ts, i)) {
      return false;
    }
    return len >= 2 || seasonFolder;
  }

  private static void take(String src, Token[] ts, int i, int n, Facts f, Context ctx) {
    Token t = ts[i];
    int len = digits(t.key);
    boolean seasonMatches = ctx.folderSeason() != null && ctx.folderSeason() == n / 100 && len == 3;
    boolean padded = n / 100 == 0;
    boolean absolute = (t.dashBefore == Token.SPACED_DASH || f.animeStyle || t.group != 0) && !seasonMatches;
    mark(t, f);
    if (!absolute && !padded && len >= 3 && (ctx.folderSeason() == null || ctx.folderSeason() == n / 100)) {
      f.addSeason(n / 100);
      f.addEpisode(n % 100);
      return;
    }
    boolean absoluteOnly = absolute && ctx.folderSeason() == null;
    add(f, n, absoluteOnly);
    int j = i + 1;
    while (j < ts.length && ts[j].free() && value(ts[j]) >= 0) {
      Token next = ts[j];
      int v = value(next);
      if (next.dashBefore == Token.TIGHT_DASH && v > n && v - n <= 200) {
        for (int e = n + 1; e <= v; e++) {
          add(f, e, absoluteOnly);
        }
      } else if (next.listBefore(src)) {
        add(f, v, absoluteOnly);
      } else {
        break;
      }
      mark(next, f);
      n = v;
      j++;
    }
  }

  /**
   * An episode number; a number written the anime way ("Show - 1071", "[Group] Show - 05",
   * "[21]") with no season anywhere is an absolute episode, which the matcher resolves.
   */
  private static void add(Facts f, int n, boolean absolute) {
    if (!absolute) {
      f.addEpisode(n);
    } else {
      f.addAbsolute(n);
    }
  }

  /** Absolute numbers beside a season/episode: 313-315 near S16E03-05, (191-195). */
  private static void absoluteRanges(Token[] ts, Facts f) {
    for (int i = 1; i + 1 < ts.length; i++) {
      Token a = ts[i];
      Token b = ts[i + 1];
      if (!a.free() || !b.free() || b.dashBefore != Token.TIGHT_DASH || !a.isDigits() || !b.isDigits()) {
        continue;
      }
      if (a.key.length() < 2 || a.key.length() > 4 || b.number() <= a.number() || !hasFreeBefore(ts, i)) {
        continue;
      }
      for (int v = a.number(); v <= b.number() && v - a.number() < 100; v++) {
        f.addAbsolute(v);
      }
      a.kind = Kind.ABSOLUTE;
      b.kind = Kind.ABSOLUTE;
      return;
    }
  }

  private static int limit(Token[] ts, int start) {
    int firstFree = start;
    while (firstFree < ts.length && !ts[firstFree].free()) {
      firstFree++;
    }
    for (int i = firstFree + 1; i < ts.length; i++) {
      Kind k = ts[i].kind;
      if (k != null && (k.isReleaseFact() || k == Kind.DATE) && k != Kind.CRC && k != Kind.LANGUAGE) {
        return i;
      }
    }
    return ts.length;
  }

  /** The number in a key of digits, optionally with a version suffix (07v2); else -1. */
  private static int value(Token t) {
    String k = t.key;
    int d = Numbers.digitRun(k, 0);
    if (d == 0 || d > 4) {
      return -1;
    }
    if (d == k.length()) {
      return Numbers.parse(k, 0, d);
    }
    if (k.charAt(d) == 'v' && Numbers.digitRun(k, d + 1) == k.length() && d + 1 < k.length()) {
      return Numbers.parse(k, 0, d);
    }
    return -1;
  }

  private static int digits(String k) {
    return Numbers.digitRun(k, 0);
  }

  private static boolean followedByNumberAfterDash(Token[] ts, int i) {
    return i + 1 < ts.length && ts[i + 1].dashBefore == Token.SPACED_DASH && value(ts[i + 1]) >= 0
        && ts[i + 1].free() && i > 0;
  }

  /** "OSS_117--Cairo": a number glued by a dash to the next word belongs to the title. */
  private static boolean followedByTightWord(Token[] ts, int i) {
    return i + 1 < ts.length && ts[i + 1].dashBefore == Token.TIGHT_DASH && ts[i + 1].free()
        && !ts[i + 1].isDigits() && ts[i].group == 0 && i > 0;
  }

  private static boolean hasFreeBefore(Token[] ts, int i) {
    for (int k = 0; k < i; k++) {
      if (ts[k].free()) {
        return true;
      }
    }
    return false;
  }

  private static boolean yearAfter(Token[] ts, int i) {
    for (int k = i + 1; k < ts.length; k++) {
      if (ts[k].kind == Kind.YEAR) {
        return true;
      }
    }
    return false;
  }

  private static int groupSize(Token[] ts, int g) {
    int n = 0;
    for (Token t : ts) {
      if (t.group == g) {
        n++;
      }
    }
    return n;
  }

  private static void mark(Token t, Facts f) {
    t.kind = Kind.EPISODE;
    f.marker(t.index);
  }
}
