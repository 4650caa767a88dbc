package org.videoorganizer.core.parse;

/**
 * Claims release words from the {@link Vocabulary} (resolution, source, codecs, languages,
 * editions, other scene words) plus the few word shapes a table cannot list (1080p, 1920x1080,
 * DD5.1, 1.4GB, CRC checksums). Weak words (titles use them too) are claimed in a second pass,
 * only next to a claimed token or when the whole segment is release words.
 */
final class KeywordRecognizer {
  private final Vocabulary vocabulary;

  KeywordRecognizer(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** Claims the strong release words; returns the weak ones by token index, or null when none. */
  Vocabulary.Entry[] strong(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    Vocabulary.Entry[] weakAt = null;
    for (int i = 0; i < ts.length; i++) {
      if (!ts[i].free()) {
        continue;
      }
      if (shaped(ts, i, f)) {
        continue;
      }
      Vocabulary.Entry e = vocabulary.longestAt(ts, i);
      if (e == null) {
        continue;
      }
      if (e.weak()) {
        weakAt = weakAt == null ? new Vocabulary.Entry[ts.length] : weakAt;
        weakAt[i] = e;
        continue;
      }
      claim(ts, i, e, f);
      i += e.words() - 1;
    }
    return weakAt;
  }

  /** Claims weak words next to claimed tokens, repeating while that claims more. */
  void weak(Segment seg, Facts f, Vocabulary.Entry[] weakAt) {
    if (weakAt == null) {
      return;
    }
    Token[] ts = seg.tokens;
    boolean all = true;
    for (int i = 0; i < ts.length; i++) {
      all &= !ts[i].free() || weakAt[i] != null;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < ts.length; i++) {
        Vocabulary.Entry e = weakAt[i];
        if (e == null || !ts[i].free() || !fits(ts, i, e)) {
          continue;
        }
        int after = i + e.words();
        boolean nextAnchors = after < ts.length && anchors(ts[after])
            && !(ts[after].kind == Kind.YEAR && !yearAnchors(ts, after, e));
        boolean lastAfterMarker = e.kind() != Kind.EDITION && after == ts.length
            && (f.firstMarker >= 0 && f.firstMarker < i || yearBefore(ts, i));
        boolean pack = after < ts.length && ts[after].kind == Kind.SEASON && ts[i].key.equals("complete");
        boolean near = all || (i > 0 && anchors(ts[i - 1])) || nextAnchors || lastAfterMarker || pack;
        if (near) {
          claim(ts, i, e, f);
          changed = true;
        }
      }
    }
  }

  /**
   * A year claims the weak word before it for editions and scene tags (Aliens.SE.1986,
   * Pacific.Rim.3D.2013), never for sources (Spiders.Web.2019), and for a language only when the
   * language is not named again later (Immersion.French.2011...FRENCH keeps French in the title).
   */
  private boolean yearAnchors(Token[] ts, int year, Vocabulary.Entry e) {
    return switch (e.kind()) {
      case EDITION, OTHER -> true;
      case LANGUAGE -> notNamedAgain(ts, year, e);
      default -> false;
    };
  }

  /** A language word before the year is a language only when it is not named again later. */
  private boolean notNamedAgain(Token[] ts, int from, Vocabulary.Entry e) {
    for (int k = from; k < ts.length; k++) {
      Vocabulary.Entry later = vocabulary.longestAt(ts, k);
      if (later != null && later.kind() == Kind.LANGUAGE && later.value().equals(e.value())) {
        return false;
      }
    }
    return true;
  }

  private static boolean yearBefore(Token[] ts, int i) {
    for (int k = 0; k < i; k++) {
      if (ts[k].kind == Kind.YEAR) {
        return true;
      }
    }
    return false;
  }

  private static boolean anchors(Token t) {
    return t.kind != null && t.kind != Kind.GROUP && t.kind != Kind.WEBSITE && t.kind != Kind.SEASON
        && t.kind != Kind.EPISODE && t.kind != Kind.DATE;
  }

  private static boolean fits(Token[] ts, int i, Vocabulary.Entry e) {
    for (int k = i; k < i + e.words(); k++) {
      if (k >= ts.length || !ts[k].free()) {
        return false;
      }
    }
    return true;
  }

  private static void claim(Token[] ts, int i, Vocabulary.Entry e, Facts f) {
    for (int k = i; k < i + e.words() && k < ts.length; k++) {
      ts[k].kind = e.kind();
    }
    apply(e.kind(), e.value(), f);
  }

  static void apply(Kind kind, String value, Facts f) {
    switch (kind) {
      case RESOLUTION -> f.resolution = f.resolution == null ? value : f.resolution;
      case SOURCE -> f.source = f.source == null ? value : f.source;
      case VIDEO_CODEC -> f.videoCodec = f.videoCodec == null || f.videoCodec.equals("10bit") ? value : f.videoCodec;
      case AUDIO -> f.audioCodec = f.audioCodec == null || f.audioCodec.equals("channels") ? value : f.audioCodec;
      case LANGUAGE -> f.addLanguage(value);
      case EDITION -> {
        if (!value.equals("~")) {
          f.addEdition(value);
        }
      }
      default -> { }
    }
    if (kind != Kind.EDITION && kind != Kind.LANGUAGE) {
      f.releaseFacts++;
    }
  }

  /** "1080" in {@code k[from, to)} as "1080p"; the usual heights without building a string. */
  private static String resolution(String k, int from, int to) {
    return switch (Numbers.parse(k, from, to)) {
      case 480 -> "480p";
      case 576 -> "576p";
      case 720 -> "720p";
      case 1080 -> "1080p";
      case 2160 -> "2160p";
      default -> k.substring(from, to) + 'p';
    };
  }

  /** Word shapes: 1080p, 1920x1080, aac2, dd5.1, 1.4gb, 25fps, 320 kbps, CRC32 in brackets. */
  private static boolean shaped(Token[] ts, int i, Facts f) {
    Token t = ts[i];
    String k = t.key;
    int d = Numbers.digitRun(k, 0);
    if (d >= 3 && d <= 4 && d < k.length()) {
      char c = k.charAt(d);
      int rest = Numbers.digitRun(k, d + 1);
      if ((c == 'p' || c == 'i') && rest == k.length()) {
        t.kind = Kind.RESOLUTION;
        apply(Kind.RESOLUTION, resolution(k, 0, d), f);
        return true;
      }
      if (c == 'x' && rest - d - 1 >= 3 && rest == k.length()) {
        t.kind = Kind.RESOLUTION;
        apply(Kind.RESOLUTION, resolution(k, d + 1, rest), f);
        return true;
      }
    }
    if (d > 0 && d < k.length() && unit(k.substring(d))) {
      t.kind = Kind.OTHER;
      f.releaseFacts++;
      return true;
    }
    if (d == k.length() && i + 1 < ts.length && unit(ts[i + 1].key) && ts[i + 1].dashBefore == Token.NO_DASH
        && (!ts[i + 1].key.equals("bit") || k.equals("8") || k.equals("10") || k.equals("12"))) {
      t.kind = Kind.OTHER;
      return true;
    }
    String codec = audioWithChannels(k);
    if (codec != null) {
      t.kind = Kind.AUDIO;
      apply(Kind.AUDIO, codec.toUpperCase(java.util.Locale.ROOT), f);
      if (i + 1 < ts.length && ts[i + 1].free() && ts[i + 1].key.length() == 1 && ts[i + 1].isDigits()) {
        ts[i + 1].kind = Kind.AUDIO;
      }
      return true;
    }
    if (t.group != 0 && k.length() == 8 && isCrc(k)) {
      t.kind = Kind.CRC;
      return true;
    }
    return false;
  }

  private static boolean unit(String s) {
    return switch (s) {
      case "gb", "mb", "tb", "gib", "mib", "kbps", "mbps", "fps", "bit" -> true;
      default -> false;
    };
  }

  /** The codec of a codec-plus-channels word (aac2, dd5, flac1), or null. */
  private static String audioWithChannels(String k) {
    int n = k.length();
    if (n < 3 || !Character.isDigit(k.charAt(n - 1)) || Character.isDigit(k.charAt(n - 2))) {
      return null;
    }
    String codec = k.substring(0, n - 1);
    return switch (codec) {
      case "aac", "ac3", "dd", "ddp", "eac3", "dts", "flac", "truehd", "opus", "mp3", "pcm", "lpcm" -> codec;
      default -> null;
    };
  }

  private static boolean isCrc(String k) {
    boolean digit = false;
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c < 'a' || c > 'f') {
        return false;
      }
    }
    return digit;
  }
}
