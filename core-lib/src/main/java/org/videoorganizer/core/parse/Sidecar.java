package org.videoorganizer.core.parse;

import java.util.Locale;
import java.util.Set;

/** Subtitle sidecar words at the end of a subtitle's name: Movie.en.forced.srt, Show.eng.sdh.srt. */
final class Sidecar {
  private static final Set<String> LANGUAGES = Set.of("en", "eng", "fr", "fre", "fra", "de", "ger",
      "deu", "es", "spa", "it", "ita", "ja", "jpn", "ko", "kor", "zh", "chi", "zho", "ru", "rus",
      "pt", "por", "nl", "nld", "dut", "sv", "swe", "no", "nor", "da", "dan", "fi", "fin", "pl",
      "pol", "cs", "cze", "ces", "hu", "hun", "tr", "tur", "ar", "ara", "el", "gre", "ell", "he",
      "heb", "hin", "pt-br", "zh-tw", "zh-cn", "english", "french", "german", "spanish",
      "italian", "japanese", "dutch", "portuguese", "russian", "chinese", "korean", "swedish");

  record Read(String stem, SubtitleFacts facts) {}

  private Sidecar() {}

  static Read read(String stem) {
    String language = null;
    boolean forced = false;
    boolean sdh = false;
    boolean isDefault = false;
    if (LANGUAGES.contains(stem.toLowerCase(Locale.ROOT))) {
      return new Read("", new SubtitleFacts(stem.toLowerCase(Locale.ROOT), false, false, false));
    }
    for (int round = 0; round < 4; round++) {
      int dot = stem.lastIndexOf('.');
      if (dot <= 0) {
        break;
      }
      String w = stem.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (w.equals("forced") || w.equals("foreign")) {
        forced = true;
      } else if (w.equals("sdh") || w.equals("cc") || w.equals("hi")) {
        sdh = true;
      } else if (w.equals("default")) {
        isDefault = true;
      } else if (language == null && LANGUAGES.contains(w)) {
        language = w;
      } else {
        break;
      }
      stem = stem.substring(0, dot);
    }
    return new Read(stem, new SubtitleFacts(language, forced, sdh, isDefault));
  }
}
