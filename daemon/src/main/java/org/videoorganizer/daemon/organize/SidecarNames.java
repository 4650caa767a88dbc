package org.videoorganizer.daemon.organize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.videoorganizer.core.parse.SubtitleFacts;

/** Reads the flags in what follows a video's name in a sidecar name ({@code .en.forced}, {@code -poster}). */
final class SidecarNames {

  // ISO 639-1 and 639-2 codes and English language names, lower case, to the code as written.
  private static final Map<String, String> LANGUAGES = languages();

  private SidecarNames() {}

  /** Facts from a remainder such as {@code .en.sdh.forced} or {@code 2_English}. */
  static SubtitleFacts subtitle(String remainder) {
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
          if (language == null && LANGUAGES.containsKey(token)) {
            language = LANGUAGES.get(token);
          }
        }
      }
    }
    return new SubtitleFacts(language, forced, sdh, isDefault);
  }

  /** The artwork kind in a remainder ({@code -poster} gives poster), or the default when none. */
  static String artwork(String remainder, String fallback) {
    String r = remainder.toLowerCase(Locale.ROOT).replaceAll("^[._ \\-]+", "");
    return FileKinds.ARTWORK_KINDS.contains(r) ? r : fallback;
  }

  private static Map<String, String> languages() {
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
    for (String b : new String[] {"ger", "fre", "dut", "chi", "cze", "gre", "per", "rum", "slo", "alb", "arm", "baq", "bur", "geo", "ice", "mac", "mao", "may", "tib", "wel"}) {
      map.put(b, b);
    }
    return Map.copyOf(map);
  }
}
