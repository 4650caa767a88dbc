package org.videoorganizer.core.match;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoorganizer.core.tmdb.MovieDetails;
import org.videoorganizer.core.tmdb.MovieSummary;
import org.videoorganizer.core.tmdb.SearchPage;
import org.videoorganizer.core.tmdb.TmdbClient;

/**
 * Films by title: search with {@code year} first (one request when it gives an exact title in
 * the exact year and nothing close), then without a year, then with spelling variants; then the
 * top candidates' details (alternative titles, translations, runtime) when the visible titles do
 * not settle it. Never takes TMDB's first result as such.
 */
final class MovieMatcher {

  private final TmdbClient tmdb;
  private final Decider decider;
  private final int detailCandidates;

  MovieMatcher(TmdbClient tmdb, Decider decider, int detailCandidates) {
    this.tmdb = tmdb;
    this.decider = decider;
    this.detailCandidates = detailCandidates;
  }

  /**
   * @param part the part number the parser split off ("Dune Part Two" gives "Dune" and 2), or null;
   *     compared both ways, since it can also be a CD number
   */
  MatchResult match(String title, Integer part, Integer year, Duration duration, List<String> evidence) {
    List<String> key = part == null ? List.of(TitleNormalizer.key(title))
        : List.of(TitleNormalizer.key(title), TitleNormalizer.key(title + " part " + part));
    String query = TitleNormalizer.query(title);
    var pool = new LinkedHashMap<Long, MovieSummary>();
    if (year != null) {
      search(query, year, pool, evidence);
      if (decisive(rank(key, year, duration, pool), year)) {
        return decide(key, year, duration, pool, Map.of(), title, evidence);
      }
    }
    SearchPage<MovieSummary> plain = search(query, null, pool, evidence);
    if (plain.hasMore() && (bestTitle(key, pool) < 0.97 || year == null)) {
      // the exact title can sit on page 2 behind popular ones; without a year, so can a rival
      search(query, null, 2, pool, evidence);
    }
    for (String variant : variants(query)) {
      if (bestTitle(key, pool) < 0.97 || hasNumber(query)) {
        search(variant, null, pool, evidence);
      }
    }
    var details = new LinkedHashMap<Long, MovieDetails>();
    var ranked = rank(key, year, duration, pool);
    if (!decider.accepts(ranked) || (duration != null && close(ranked))) {
      for (Candidate c : ranked.subList(0, Math.min(detailCandidates, ranked.size()))) {
        tmdb.movie(c.identity().tmdbId()).ifPresent(d -> details.put(d.id(), d));
      }
      if (!details.isEmpty()) {
        evidence.add("fetched details of " + details.size() + " candidate(s) for alternative titles and runtime");
      }
    }
    return decide(key, year, duration, pool, details, title, evidence);
  }

  private MatchResult decide(List<String> key, Integer year, Duration duration, Map<Long, MovieSummary> pool,
      Map<Long, MovieDetails> details, String title, List<String> evidence) {
    var ranked = new ArrayList<Candidate>();
    for (MovieSummary m : pool.values()) {
      MovieDetails d = details.get(m.id());
      ranked.add(d == null ? MovieRanker.score(key, year, duration, m) : MovieRanker.score(key, year, duration, d));
    }
    ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
    ranked.stream().limit(3).forEach(c -> evidence.add("candidate " + Decider.label(c) + ": "
        + c.why() + " = " + Decider.fmt(c.score())));
    return decider.decide(ranked, "'" + title + "'" + (year == null ? "" : " (" + year + ")"), evidence);
  }

  private List<Candidate> rank(List<String> key, Integer year, Duration duration, Map<Long, MovieSummary> pool) {
    var ranked = new ArrayList<Candidate>();
    pool.values().forEach(m -> ranked.add(MovieRanker.score(key, year, duration, m)));
    ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return ranked;
  }

  private boolean close(List<Candidate> ranked) {
    return ranked.size() > 1 && ranked.get(1).score() >= ranked.get(0).score() - decider.margin();
  }

  /** An exact title in the exact year, and no other candidate within reach. */
  private boolean decisive(List<Candidate> ranked, int year) {
    if (ranked.isEmpty() || ranked.get(0).score() < 1 || !Integer.valueOf(year).equals(ranked.get(0).identity().year())) {
      return false;
    }
    return decider.accepts(ranked);
  }

  /** "Halloween II" and "Halloween 2" are different searches for TMDB but one title for us. */
  private static boolean hasNumber(String query) {
    return query.matches("(?i).*\\b([2-9]|II|III|IV|VI|VII|VIII)\\b.*");
  }

  private static double bestTitle(List<String> key, Map<Long, MovieSummary> pool) {
    double best = 0;
    for (MovieSummary m : pool.values()) {
      best = Math.max(best, Math.max(TitleSimilarity.of(key, m.title()), TitleSimilarity.of(key, m.originalTitle())));
    }
    return best;
  }

  private SearchPage<MovieSummary> search(String query, Integer year, Map<Long, MovieSummary> pool, List<String> evidence) {
    return search(query, year, 1, pool, evidence);
  }

  private SearchPage<MovieSummary> search(String query, Integer year, int pageNumber, Map<Long, MovieSummary> pool,
      List<String> evidence) {
    SearchPage<MovieSummary> page = tmdb.searchMovies(query, year, null, pageNumber);
    page.results().forEach(m -> pool.putIfAbsent(m.id(), m));
    evidence.add("search movie '" + query + "'" + (year == null ? "" : " year=" + year)
        + (pageNumber == 1 ? "" : " page " + pageNumber) + ": " + page.totalResults() + " result(s)");
    return page;
  }

  /** Other spellings TMDB's search does not equate: "&" and "and", arabic and roman numbers. */
  static List<String> variants(String query) {
    var variants = new ArrayList<String>();
    if (query.contains("&")) {
      variants.add(query.replace("&", "and"));
    } else if (query.matches("(?i).*\\band\\b.*")) {
      variants.add(query.replaceAll("(?i)\\band\\b", "&"));
    }
    var m = java.util.regex.Pattern.compile("\\b([2-9])\\b").matcher(query);
    if (m.find()) {
      String roman = new String[] {"", "", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}[Integer.parseInt(m.group(1))];
      variants.add(query.substring(0, m.start()) + roman + query.substring(m.end()));
    }
    var r = java.util.regex.Pattern.compile("\\b(II|III|IV|VI|VII|VIII)\\b").matcher(query);
    if (r.find()) {
      variants.add(query.substring(0, r.start()) + TitleNormalizer.words(r.group(1)).get(0) + query.substring(r.end()));
    }
    return variants;
  }
}
