package org.videoorganizer.core.parse;

/**
 * Title and episode title from the tokens no recognizer claimed: the title is the first run of
 * free words (before any episode marker), cut at a spaced dash ("Katy Perry - Concert") unless
 * only a sequel number follows ("300 - 2 (2006)"); the episode title is the run of free words
 * right after the last episode marker.
 */
final class TitleResolver {

  void resolve(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    int s = 0;
    while (s < ts.length && !ts[s].free()) {
      Kind k = ts[s].kind;
      if (k == Kind.EPISODE || k == Kind.SEASON) {
        s = ts.length;
        break;
      }
      s++;
    }
    if (s < ts.length) {
      int e = end(ts, s);
      e = dropCountry(ts, s, e);
      f.title = clean(seg.text(s, e));
    }
    if (f.lastMarker >= 0 && f.lastMarker + 1 < ts.length) {
      int a = f.lastMarker + 1;
      if (ts[a].free()) {
        int b = a;
        while (b + 1 < ts.length && ts[b + 1].free() && ts[b + 1].group == ts[a].group
            && ts[b + 1].dashBefore != Token.SPACED_DASH) {
          b++;
        }
        if (f.title == null || s != a) {
          f.episodeTitle = clean(seg.text(a, b));
        }
      }
    }
  }

  private static int end(Token[] ts, int s) {
    int e = s;
    int g = ts[s].group;
    while (e + 1 < ts.length && ts[e + 1].free() && ts[e + 1].group == g) {
      Token n = ts[e + 1];
      if (n.dashBefore == Token.SPACED_DASH && !sequelNumber(ts, e + 1)) {
        break;
      }
      e++;
    }
    return e;
  }

  /** "- 2" followed by nothing free: a sequel number that belongs to the title. */
  private static boolean sequelNumber(Token[] ts, int i) {
    if (!ts[i].isDigits() || ts[i].key.length() > 2) {
      return false;
    }
    return i + 1 >= ts.length || !ts[i + 1].free() || ts[i + 1].group != ts[i].group;
  }

  private static int dropCountry(Token[] ts, int s, int e) {
    if (e > s && (ts[e].key.equals("us") || ts[e].key.equals("uk")) && e + 1 < ts.length) {
      ts[e].kind = Kind.COUNTRY;
      return e - 1;
    }
    return e;
  }

  static String clean(String raw) {
    String t = raw.replace('_', ' ');
    if (t.indexOf(' ') < 0 && t.indexOf('.') >= 0) {
      t = t.replace('.', ' ');
    }
    int a = 0;
    int b = t.length();
    while (a < b && isTrim(t.charAt(a))) {
      a++;
    }
    while (b > a && isTrim(t.charAt(b - 1))) {
      b--;
    }
    t = t.substring(a, b);
    return t.indexOf("  ") >= 0 ? collapse(t) : t;
  }

  private static boolean isTrim(char c) {
    return c == ' ' || c == '-' || c == ',' || c == ':' || c == '~' || c == '\t';
  }

  private static String collapse(String t) {
    StringBuilder b = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c != ' ' || b.isEmpty() || b.charAt(b.length() - 1) != ' ') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
