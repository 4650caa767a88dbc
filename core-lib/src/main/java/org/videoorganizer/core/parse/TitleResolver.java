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
    boolean leadingNumber = false;
    while (s < ts.length && !ts[s].free()) {
      Kind k = ts[s].kind;
      leadingNumber |= k == Kind.EPISODE || k == Kind.SEASON;
      s++;
    }
    int titleEnd = -1;
    if (s < ts.length) {
      int e = end(ts, s);
      titleEnd = e;
      e = dropCountry(seg, s, e, f);
      if (e > s && ts[e].key.equals("the") && e + 1 < ts.length && ts[e + 1].key.equals("complete")) {
        e--;
      }
      f.title = invertArticle(clean(withQuotes(seg, s, e)));
      int full = e;
      while (full + 1 < ts.length && ts[full + 1].free() && ts[full + 1].group == ts[s].group) {
        full++;
      }
      if (full > e && e == titleEnd) {
        f.titleThroughDashes = clean(withQuotes(seg, s, full));
        if (!leadingNumber && subtitleReading(seg, s, full, f)) {
          f.alternativeTitle = f.title;
          f.title = f.titleThroughDashes;
          titleEnd = full;
        } else if (!leadingNumber) {
          f.alternativeTitle = f.titleThroughDashes;
        }
      }
      dualLanguage(f);
    }
    f.titleAfterMarker = leadingNumber && titleEnd >= 0;
    if (leadingNumber && titleEnd >= 0) {
      int a = titleEnd + 1;
      if (a < ts.length && ts[a].free() && ts[a].dashBefore == Token.SPACED_DASH) {
        f.episodeTitle = clean(withQuotes(seg, a, runEnd(ts, a)));
      }
      return;
    }
    if (f.firstMarker >= 0) {
      int a = f.firstMarker;
      while (a < ts.length && !ts[a].free()) {
        a++;
      }
      if (a >= ts.length) {
        return;
      }
      if (ts[a].free() && (f.title == null || s != a)) {
        f.episodeTitle = clean(withQuotes(seg, a, runEnd(ts, a)));
      }
    }
  }

  /**
   * Whether "A - B" reads first as one title "A: B" (people write ":" as " - "): a film whose
   * name goes on with its year right after ("Mission Impossible - Fallout (2018)"), with one
   * dash and no colon before it ("Star Wars: Episode IV - A New Hope" keeps its own). The other
   * reading stays as the alternative either way; for shows the short one comes first ("Garo -
   * Vanishing Line - 01", "Show - Episode Title S01E02"), and the matcher decides.
   */
  private static boolean subtitleReading(Segment seg, int s, int full, Facts f) {
    Token[] ts = seg.tokens;
    if (f.hasEpisodeInfo() || full + 1 >= ts.length || ts[full + 1].kind != Kind.YEAR) {
      return false;
    }
    int dashes = 0;
    for (int i = s + 1; i <= full; i++) {
      dashes += ts[i].dashBefore == Token.SPACED_DASH ? 1 : 0;
    }
    return dashes == 1 && seg.src.lastIndexOf(':', ts[full].start) < 0;
  }

  /** "Шоу / Show": two names of one video; the first is the title, the second the alternative. */
  private static void dualLanguage(Facts f) {
    int slash = f.title.indexOf(" / ");
    if (slash <= 0 || slash + 3 >= f.title.length()) {
      return;
    }
    String second = clean(f.title.substring(slash + 3));
    f.title = clean(f.title.substring(0, slash));
    if (!second.isEmpty()) {
      f.alternativeTitle = second;
    }
  }

  /** "Show 2013 Christmas Special ...": the words after the year name a special episode. */
  void special(Segment seg, Facts f) {
    if (f.hasEpisodeInfo() || f.year == null) {
      return;
    }
    Token[] ts = seg.tokens;
    for (int y = 1; y + 1 < ts.length; y++) {
      if (ts[y].kind != Kind.YEAR) {
        continue;
      }
      int a = y + 1;
      int b = a;
      boolean special = false;
      while (b < ts.length && ts[b].free() && ts[b].group == ts[a].group) {
        special |= ts[b].key.equals("special");
        b++;
      }
      if (special) {
        f.special = true;
        f.episodeTitle = clean(seg.text(a, b - 1));
      }
      return;
    }
  }

  /**
   * The text of tokens {@code s..e} with the quotes that belong to it: a quote opened inside the
   * title and closed right after its last word ({@code Say "Hi" (2001)}), or one that opens right
   * before its first word and closes inside it. Unbalanced quotes stay out.
   */
  static String withQuotes(Segment seg, int s, int e) {
    String src = seg.src;
    int from = seg.tokens[s].start;
    int to = seg.tokens[e].end;
    if (to < src.length() && isQuote(src.charAt(to)) && odd(src, from, to, src.charAt(to))) {
      to++;
    }
    if (from > 0 && isQuote(src.charAt(from - 1)) && odd(src, from, to, src.charAt(from - 1))) {
      from--;
    }
    return src.substring(from, to);
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\u201c' || c == '\u201d' || c == '\u00ab' || c == '\u00bb';
  }

  /** Whether the quote {@code q} (or its typographic pair) occurs an odd number of times in [from, to). */
  private static boolean odd(String src, int from, int to, char q) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = src.charAt(i);
      n += c == q || pair(c) == q ? 1 : 0;
    }
    return n % 2 == 1;
  }

  private static char pair(char c) {
    return switch (c) {
      case '\u201c' -> '\u201d';
      case '\u201d' -> '\u201c';
      case '\u00ab' -> '\u00bb';
      case '\u00bb' -> '\u00ab';
      default -> c;
    };
  }

  private static int runEnd(Token[] ts, int a) {
    int b = a;
    while (b + 1 < ts.length && ts[b + 1].free() && ts[b + 1].group == ts[a].group
        && ts[b + 1].dashBefore != Token.SPACED_DASH) {
      b++;
    }
    return b;
  }

  /** "Simpsons, The" reads "The Simpsons". */
  static String invertArticle(String t) {
    for (String article : ARTICLES) {
      if (t.length() > article.length() + 2 && t.regionMatches(true, t.length() - article.length(), article, 0, article.length())) {
        int comma = t.length() - article.length();
        String head = t.substring(0, comma).strip();
        if (head.endsWith(",")) {
          return t.substring(comma).strip() + " " + head.substring(0, head.length() - 1).strip();
        }
      }
    }
    return t;
  }

  private static final String[] ARTICLES = {"The", "A", "An", "Le", "La", "Les", "Der", "Die", "Das"};

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

  /**
   * "- 2" or "- Part 2" followed by nothing free: a sequel number that belongs to the title
   * ("300 - 2 (2006)", "Mockingjay - Part 2 (2015)").
   */
  private static boolean sequelNumber(Token[] ts, int i) {
    if ((ts[i].key.equals("part") || ts[i].key.equals("vol")) && i + 1 < ts.length && ts[i + 1].free()) {
      i++;
    }
    boolean number = ts[i].isDigits() && ts[i].key.length() <= 2 || Numbers.roman(ts[i].key) > 0
        && ts[i - 1].key.equals("part");
    if (!number) {
      return false;
    }
    return i + 1 >= ts.length || !ts[i + 1].free() || ts[i + 1].group != ts[i].group;
  }

  private static int dropCountry(Segment seg, int s, int e, Facts f) {
    Token[] ts = seg.tokens;
    String country = ts[e].key.equals("us") ? "US" : ts[e].key.equals("uk") ? "UK" : null;
    if (e > s && country != null && seg.src.startsWith(country, ts[e].start) && ts[e].end - ts[e].start == 2) {
      ts[e].kind = Kind.COUNTRY;
      f.country = country;
      return e - 1;
    }
    return e;
  }

  static String clean(String raw) {
    String t = raw;
    if (t.indexOf(' ') < 0) {
      t = spaceSeparators(t);
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

  /** Dots and underscores become spaces, except the dots of an acronym (S.H.I.E.L.D.). */
  private static String spaceSeparators(String t) {
    if (t.indexOf('_') < 0 && t.indexOf('.') < 0) {
      return t;
    }
    char[] c = t.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (c[i] == '_' || c[i] == '.' && !inAcronym(t, i)) {
        c[i] = ' ';
      }
    }
    return new String(c);
  }

  /** Read from the unchanged text, so the dots already replaced do not change the answer. */
  private static boolean inAcronym(String c, int dot) {
    int n = c.length();
    boolean singleBefore = dot >= 1 && Character.isLetter(c.charAt(dot - 1)) && (dot < 2 || c.charAt(dot - 2) == '.');
    boolean singleAfter = dot + 1 < n && Character.isLetter(c.charAt(dot + 1))
        && (dot + 2 >= n || c.charAt(dot + 2) == '.');
    return singleBefore && (singleAfter || dot + 1 == n && dot >= 3 && c.charAt(dot - 2) == '.');
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
