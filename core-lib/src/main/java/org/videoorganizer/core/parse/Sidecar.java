package org.videoorganizer.core.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
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

  // For remainders (what follows a video's name in a sidecar's name): ISO 639-1 and 639-2 codes
  // and English language names, lower case, to the code as written ("english" gives "en").
  private static final Map<String, String> ALL_LANGUAGES = allLanguages();

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

  /** Facts from the remainder of a sidecar's name: {@code .en.sdh.forced}, {@code 2_English}, {@code -eng}. */
  static SubtitleFacts facts(String remainder) {
    String language = null;
    boolean forced = false;
    boolean sdh = false;
    boolean isDefault = false;
    for (String token : remainder.toLowerCase(Locale.ROOT).split("[._ \\-\\[\\]()]+")) {
      switch (token) {
        case "" -> { }
        case "forced", "foreign" -> forced = true;
        case "sdh", "cc", "hi" -> sdh = true;
        case "default" -> isDefault = true;
        default -> {
          if (language == null && ALL_LANGUAGES.containsKey(token)) {
            language = ALL_LANGUAGES.get(token);
          }
        }
      }
    }
    return new SubtitleFacts(language, forced, sdh, isDefault);
  }

  private static Map<String, String> allLanguages() {
    var map = new HashMap<String, String>();
    for (String code : Locale.getISOLanguages()) {
      var locale = Locale.of(code);
      map.put(code, code);
      try {
        map.put(locale.getISO3Language(), locale.getISO3Language());
      } catch (MissingResourceException ignored) {
        // a language without a three-letter code keeps its two letters only
      }
      map.putIfAbsent(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
    }
    // ISO 639-2/B codes common in release names, beside the /T ones the JDK knows.
    for (String b : new String[] {"ger", "fre", "dut", "chi", "cze", "gre", "per", "rum", "slo", "alb", "arm",
        "baq", "bur", "geo", "ice", "mac", "mao", "may", "tib", "wel"}) {
      map.put(b, b);
    }
    return Map.copyOf(map);
  }
}
