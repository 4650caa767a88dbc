package org.videoorganizer.core.match;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A season written into a show's name, as anime releases do ("Mob Psycho 100 II", "Show 2nd
 * Season", "Show Season 3", "Show S2", "進撃の巨人 第3期"): TMDB files those as seasons of the
 * parent show, so the parent is searched and the season taken from the suffix.
 */
final class SeasonSuffix {

  /** The name without the suffix and the season it gave. */
  record Split(String base, int season) {}

  // Must split: "Show 2nd Season", "Show Season 3", "Show S2", "Show II", "Show 第3期";
  // must not: "Season of the Witch", "S.W.A.T.", "Rocky" (no suffix), a bare "Season 2".
  private static final Pattern SUFFIX = Pattern.compile(
      "^(.+?)[\\s:\\-]+(?:(\\d{1,2})(?:st|nd|rd|th)\\s+season|season\\s+(\\d{1,2})|s(\\d{1,2})|(ii|iii|iv|v|vi))$|^(.+?)\\s*第(\\d{1,2})[期季]$",
      Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> ROMAN = Map.of("ii", 2, "iii", 3, "iv", 4, "v", 5, "vi", 6);

  private SeasonSuffix() {}

  static Optional<Split> split(String title) {
    var m = SUFFIX.matcher(title.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(6) != null) {
      return Optional.of(new Split(m.group(6).strip(), Integer.parseInt(m.group(7))));
    }
    for (int g = 2; g <= 4; g++) {
      if (m.group(g) != null) {
        return Optional.of(new Split(m.group(1).strip(), Integer.parseInt(m.group(g))));
      }
    }
    return Optional.of(new Split(m.group(1).strip(), ROMAN.get(m.group(5).toLowerCase(java.util.Locale.ROOT))));
  }
}
