package org.videoorganizer.core.parse;

/**
 * The release group: a leading [Group] (fansub style, which also means absolute numbering) or
 * the dash-joined tail after the release words (x264-GROUP, AAC - JEFF). Tracker tags in
 * brackets after the release words ([rarbg], [ettv]) are claimed so they never reach a title.
 */
final class GroupRecognizer {

  void leading(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    if (ts.length > 2 && ts[0].group != 0 && ts[0].isDigits() && ts[1].group != ts[0].group) {
      ts[0].kind = Kind.OTHER;
      return;
    }
    if (ts.length < 2 || ts[0].group == 0 || ts[0].bracket != '[') {
      return;
    }
    int g = ts[0].group;
    int end = 0;
    while (end + 1 < ts.length && ts[end + 1].group == g) {
      end++;
    }
    if (end + 1 >= ts.length) {
      return;
    }
    for (int i = 0; i <= end; i++) {
      if (!ts[i].free()) {
        return;
      }
    }
    for (int i = 0; i <= end; i++) {
      ts[i].kind = Kind.GROUP;
    }
    f.releaseGroup = seg.text(0, end);
    f.animeStyle = true;
  }

  void trailing(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    int last = ts.length - 1;
    while (last > 0 && ts[last].group != 0 && ts[last].group != ts[0].group) {
      int g = ts[last].group;
      boolean afterFacts = claimedBefore(ts, firstOfGroup(ts, last));
      if (!afterFacts) {
        break;
      }
      while (last >= 0 && ts[last].group == g) {
        if (ts[last].free()) {
          ts[last].kind = Kind.OTHER;
        }
        last--;
      }
    }
    if (last < 1 || !ts[last].free() || ts[last].group != 0) {
      return;
    }
    int first = last;
    while (first > 0 && ts[first].dashBefore != Token.NO_DASH && ts[first - 1].free()
        && ts[first - 1].group == 0 && ts[first - 1].dashBefore != Token.NO_DASH) {
      first--;
    }
    Token before = first > 0 ? ts[first - 1] : null;
    boolean dashed = ts[first].dashBefore != Token.NO_DASH;
    boolean afterRelease = before != null && before.kind != null && before.kind.isReleaseFact();
    if (before == null || !(dashed && releaseBefore(ts, first) || afterRelease)) {
      return;
    }
    if (!dashed && ts[first].group != 0) {
      return;
    }
    for (int i = first; i <= last; i++) {
      ts[i].kind = Kind.GROUP;
    }
    f.releaseGroup = ts[first].text(seg.src);
  }

  /** Whether a release word (not only an episode marker) comes before index {@code i}. */
  private static boolean releaseBefore(Token[] ts, int i) {
    for (int k = 0; k < i; k++) {
      Kind kind = ts[k].kind;
      if (kind != null && (kind.isReleaseFact() || kind == Kind.YEAR)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Scene file names inside release folders start with a short lower-case group tag joined by a
   * dash: "blow-how.to.be.single.2016.1080p.mkv", "ano-cosmo.720p.mkv". The tag is no title.
   */
  void scenePrefix(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    if (ts.length < 3 || !ts[0].free() || ts[1].dashBefore != Token.TIGHT_DASH || ts[0].group != 0) {
      return;
    }
    String src = seg.src;
    if (hasUpperCase(src) || ts[0].key.length() > 6
        || ts[1].sepBefore != '-' || ts[2].sepBefore != '.' || ts[0].isDigits()) {
      return;
    }
    ts[0].kind = Kind.GROUP;
    f.releaseGroup = ts[0].text(src);
    f.scenePrefix = true;
  }

  private static boolean hasUpperCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isUpperCase(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int firstOfGroup(Token[] ts, int i) {
    int g = ts[i].group;
    while (i > 0 && ts[i - 1].group == g) {
      i--;
    }
    return i;
  }

  /** Whether a release word or episode marker comes before index {@code i}. */
  private static boolean claimedBefore(Token[] ts, int i) {
    for (int k = 0; k < i; k++) {
      Kind kind = ts[k].kind;
      if (kind != null && kind != Kind.GROUP && kind != Kind.WEBSITE) {
        return true;
      }
    }
    return false;
  }
}
