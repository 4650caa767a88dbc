package org.videoorganizer.core.parse;

/**
 * Collection numbering between dashes: "-f21-" numbers a film within a franchise (the title is
 * what follows), "-x02-" numbers a bonus of a film (the title is what precedes):
 * "James_Bond-f21-Casino_Royale-x02-Stunts.mkv" is Casino Royale.
 */
final class BonusRecognizer {

  void recognize(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    for (int i = 1; i < ts.length; i++) {
      Token t = ts[i];
      String k = t.key;
      if (!t.free() || k.length() < 2 || k.length() > 3 || t.dashBefore != Token.TIGHT_DASH
          || !Numbers.isDigits(k.substring(1))) {
        continue;
      }
      boolean closed = i + 1 == ts.length || ts[i + 1].dashBefore == Token.TIGHT_DASH;
      if (!closed) {
        continue;
      }
      if (k.charAt(0) == 'x') {
        t.kind = Kind.BONUS;
        f.bonus = true;
        return;
      }
      if (k.charAt(0) == 'f' && i + 1 < ts.length) {
        for (int p = 0; p <= i; p++) {
          if (ts[p].free()) {
            ts[p].kind = Kind.BONUS;
          }
        }
      }
    }
  }
}
