package org.videoorganizer.core.parse;

/**
 * Extras named by a word anywhere in the name, not only by Jellyfin's suffixes: "alien 1979
 * trailer", "Alien (1979) Official Trailer", "Alien Teaser 1979", "Heat.1995.1080p.featurette".
 * The word counts only where it cannot be part of the title: after the year, after release words
 * or a spaced dash, after "official", or right before a year outside brackets. "Trailer Park Boys", "Free
 * Sample (2012)" keep their words (first word of the title; no year after a word that ends it).
 */
final class ExtraWordRecognizer {

  void recognize(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    for (int i = 1; i < ts.length; i++) {
      Token t = ts[i];
      ExtraType type = t.free() ? type(t.key) : null;
      if (type == null || !ts[0].free() && !hasFreeBefore(ts, i)) {
        continue;
      }
      Token before = ts[i - 1];
      boolean afterTitle = !before.free() || t.dashBefore == Token.SPACED_DASH || before.key.equals("official");
      boolean beforeYear = i + 1 < ts.length && ts[i + 1].kind == Kind.YEAR && ts[i + 1].group == 0;
      if (afterTitle || beforeYear) {
        t.kind = Kind.EXTRA;
        if (before.key.equals("official") && before.free()) {
          before.kind = Kind.EXTRA;
        }
        f.extra = type;
        return;
      }
    }
  }

  private static boolean hasFreeBefore(Token[] ts, int i) {
    for (int k = 0; k < i; k++) {
      if (ts[k].free()) {
        return true;
      }
    }
    return false;
  }

  private static ExtraType type(String key) {
    return switch (key) {
      case "trailer", "teaser" -> ExtraType.TRAILER;
      case "sample" -> ExtraType.SAMPLE;
      case "featurette" -> ExtraType.FEATURETTE;
      case "behindthescenes", "makingof" -> ExtraType.BEHIND_THE_SCENES;
      default -> null;
    };
  }
}
