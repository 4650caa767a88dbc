package org.videoorganizer.core.match;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Titles to comparison keys: lower case, accents and apostrophes removed, "&" read as "and",
 * other punctuation as spaces, roman numerals and number words as digits, a leading or trailing
 * article dropped, and a trailing "(2005)" or "(US)" qualifier dropped. "The Matrix", "Matrix,
 * The" and "MATRIX" share one key; so do "Rocky II" and "Rocky 2", "Cats & Dogs" and "Cats and
 * Dogs".
 */
final class TitleNormalizer {

  private static final Set<String> ARTICLES =
      Set.of("the", "a", "an", "le", "la", "les", "l", "der", "die", "das", "el", "il", "lo", "los", "las", "gli");

  private static final Map<String, String> NUMBERS = Map.ofEntries(
      Map.entry("ii", "2"), Map.entry("iii", "3"), Map.entry("iv", "4"), Map.entry("vi", "6"),
      Map.entry("vii", "7"), Map.entry("viii", "8"), Map.entry("ix", "9"), Map.entry("xi", "11"),
      Map.entry("xii", "12"), Map.entry("xiii", "13"), Map.entry("xiv", "14"), Map.entry("xv", "15"),
      Map.entry("xvi", "16"), Map.entry("xvii", "17"), Map.entry("xviii", "18"), Map.entry("xix", "19"),
      Map.entry("xx", "20"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
      Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
      Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"));

  // Must strip: "Doctor Who (2005)", "The Office (US)", "Shameless (UK)"; must keep: "Alien (Director's Cut) 2".
  private static final Pattern TRAILING_QUALIFIER = Pattern.compile("\\s*\\((\\d{4}|[A-Z]{2,3})\\)\\s*$");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['’`´]");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern INVERTED = Pattern.compile("^(.*?),?\\s+(The|A|An)$", Pattern.CASE_INSENSITIVE);

  /** Keys are asked for the same TMDB titles over and over: remember them. */
  private static final Cache<String, String> KEYS = Caffeine.newBuilder().maximumSize(200_000).build();

  private TitleNormalizer() {}

  /** The comparison key: words joined by single spaces; empty for a title with no letters or digits. */
  static String key(String title) {
    return KEYS.get(title, TitleNormalizer::computeKey);
  }

  private static String computeKey(String title) {
    List<String> words = words(title);
    if (words.size() > 1 && ARTICLES.contains(words.get(0))) {
      words = words.subList(1, words.size());
    }
    if (words.size() > 1 && Set.of("the", "a", "an").contains(words.get(words.size() - 1))) {
      words = words.subList(0, words.size() - 1);
    }
    return String.join(" ", words);
  }

  /** The key of the title without a trailing "(YYYY)" or "(US)", or null when there is none. */
  static String keyWithoutQualifier(String title) {
    var m = TRAILING_QUALIFIER.matcher(title);
    return m.find() && m.start() > 0 ? key(title.substring(0, m.start())) : null;
  }

  /** The title as TMDB wants it in a query: NFC, separators as spaces, "Title, The" un-inverted. */
  static String query(String title) {
    String q = Normalizer.normalize(title, Normalizer.Form.NFC).replaceAll("[._]+", " ").strip();
    var m = INVERTED.matcher(q);
    if (m.matches()) {
      q = m.group(2) + " " + m.group(1);
    }
    return q.replaceAll("\\s+", " ");
  }

  static List<String> words(String title) {
    String s = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("")
        .toLowerCase(Locale.ROOT)
        .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l")
        .replace("&", " and ");
    s = SEPARATORS.matcher(APOSTROPHES.matcher(s).replaceAll("")).replaceAll(" ").strip();
    var words = new ArrayList<String>();
    for (String w : s.isEmpty() ? new String[0] : s.split(" ")) {
      words.add(NUMBERS.getOrDefault(w, w));
    }
    return words;
  }
}
