package org.videoorganizer.core.parse;

/**
 * Parts of a movie or episode: Part 3, Part III, Part Three, Pt.2, part1, CD1, CD1of2, disc 2.
 * In episode names a part word before the episode marker belongs to the title (LA X, Pt. 1).
 */
final class PartRecognizer {
  private static final String[] PART_WORDS = {"part", "pt", "cd", "disc", "disk", "dvd"};

  void recognize(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    int from = f.firstMarker >= 0 ? f.firstMarker : 0;
    for (int i = from; i < ts.length && f.part == null; i++) {
      Token t = ts[i];
      if (!t.free()) {
        continue;
      }
      String k = t.key;
      int word = partWord(k);
      if (word < 0) {
        continue;
      }
      if (word < k.length()) {
        int d = Numbers.digitRun(k, word);
        if (d > word && (d == k.length() || k.startsWith("of", d))) {
          set(f, Numbers.parse(k, word, d), t);
        }
        continue;
      }
      if (i + 1 < ts.length && ts[i + 1].free() && !yearFollows(ts, i + 2)) {
        int v = value(ts[i + 1].key);
        if (v > 0 && (i > 0 || ts.length == 2) && !insideEpisodeTitle(ts, i, f)) {
          set(f, v, t, ts[i + 1]);
        }
      }
    }
  }

  /**
   * "S08E16.Elements.Part.1.Skyhooks": a part with words of the episode title on both sides is
   * part of that title.
   */
  private static boolean insideEpisodeTitle(Token[] ts, int i, Facts f) {
    return f.lastMarker >= 0 && i > f.lastMarker + 1 && ts[i - 1].free() && i + 2 < ts.length && ts[i + 2].free()
        && ts[i + 2].group == ts[i].group && !Numbers.isDigits(ts[i + 2].key);
  }

  /** "Dead Reckoning Part One 2023": a part named before the year belongs to the title. */
  private static boolean yearFollows(Token[] ts, int i) {
    return i < ts.length && ts[i].kind == Kind.YEAR;
  }

  /** Length of the part word a key starts with, or -1. */
  private static int partWord(String k) {
    for (String w : PART_WORDS) {
      if (k.startsWith(w) && (k.length() == w.length() || Character.isDigit(k.charAt(w.length())))) {
        return w.equals("dvd") && k.length() == 3 ? -1 : w.length();
      }
    }
    return -1;
  }

  private static int value(String k) {
    if (Numbers.isDigits(k) && k.length() <= 2) {
      return Numbers.parse(k, 0, k.length());
    }
    int r = Numbers.roman(k);
    return r > 0 ? r : Numbers.word(k);
  }

  private static void set(Facts f, int part, Token... ts) {
    f.part = part;
    for (Token t : ts) {
      t.kind = Kind.PART;
    }
  }
}
