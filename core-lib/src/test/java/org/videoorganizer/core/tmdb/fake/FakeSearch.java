package org.videoorganizer.core.tmdb.fake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Search the way the notes describe TMDB: every query word must start a word of one name
 * (title, original or alternative title), case and Latin accents folded, no synonyms ("and" does
 * not find "&"); results ordered by popularity, an exact name counting triple.
 */
final class FakeSearch {

  private static final java.util.Map<String, String[]> JOINED = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<String, String[]> SPLIT = new java.util.concurrent.ConcurrentHashMap<>();

  private FakeSearch() {}

  static List<FakeCatalog.Movie> movies(FakeCatalog catalog, String query, Integer year, Integer primaryYear) {
    String[][] words = {words(query, true), words(query, false)};
    var hits = new ArrayList<Scored<FakeCatalog.Movie>>();
    for (var m : catalog.movies()) {
      if (year != null && m.date().getYear() != year && !m.releaseYears().contains(year)) {
        continue;
      }
      if (primaryYear != null && m.date().getYear() != primaryYear) {
        continue;
      }
      double relevance = relevance(words, m.names());
      if (relevance > 0) {
        hits.add(new Scored<>(m, relevance * m.popularity() + relevance / 1000));
      }
    }
    return sorted(hits);
  }

  static List<FakeCatalog.Show> shows(FakeCatalog catalog, String query, Integer firstAirYear, Integer anyYear) {
    String[][] words = {words(query, true), words(query, false)};
    var hits = new ArrayList<Scored<FakeCatalog.Show>>();
    for (var s : catalog.shows()) {
      if (firstAirYear != null && s.date().getYear() != firstAirYear) {
        continue;
      }
      if (anyYear != null && s.date().getYear() != anyYear && s.seasons().stream()
          .flatMap(se -> se.episodes().stream()).noneMatch(e -> e.airDate().getYear() == anyYear)) {
        continue;
      }
      double relevance = relevance(words, s.names());
      if (relevance > 0) {
        hits.add(new Scored<>(s, relevance * s.popularity() + relevance / 1000));
      }
    }
    return sorted(hits);
  }

  private record Scored<T>(T item, double score) {}

  private static <T> List<T> sorted(List<Scored<T>> hits) {
    hits.sort(Comparator.comparingDouble((Scored<T> s) -> s.score()).reversed());
    return hits.stream().map(Scored::item).toList();
  }

  /** 0 when some query word starts no word of any name; 3 for an exact name; 1 otherwise. */
  private static double relevance(String[][] queries, List<String> names) {
    return Math.max(relevance(queries[0], names, JOINED), relevance(queries[1], names, SPLIT));
  }

  private static double relevance(String[] query, List<String> names, java.util.Map<String, String[]> index) {
    if (query.length == 0) {
      return 0;
    }
    double best = 0;
    for (String name : names) {
      String[] words = index.computeIfAbsent(name, n -> words(n, index == JOINED));
      if (Arrays.equals(words, query)) {
        return 3;
      }
      if (allPrefixes(query, words)) {
        best = 1;
      }
    }
    return best;
  }

  private static boolean allPrefixes(String[] query, String[] words) {
    outer:
    for (String q : query) {
      for (String w : words) {
        if (w.startsWith(q)) {
          continue outer;
        }
      }
      return false;
    }
    return true;
  }

  /** Lower-cased words without accents; apostrophes joined ("pans") or split ("pan s"). */
  static String[] words(String text, boolean joinApostrophes) {
    String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
    folded = APOSTROPHES.matcher(folded).replaceAll(joinApostrophes ? "" : " ");
    String cleaned = SEPARATORS.matcher(folded).replaceAll(" ").strip();
    return cleaned.isEmpty() ? new String[0] : cleaned.split(" ");
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern APOSTROPHES = java.util.regex.Pattern.compile("['’]");
  private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
}
