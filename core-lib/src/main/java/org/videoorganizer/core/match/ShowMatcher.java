package org.videoorganizer.core.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.videoorganizer.core.tmdb.SearchPage;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.TvDetails;
import org.videoorganizer.core.tmdb.TvSummary;

/**
 * Shows by name: the year goes to {@code first_air_date_year}, never into the query ("Doctor
 * Who (2005)" is searched as "Doctor Who" and 2005); then without the year; then the top
 * candidates' details for alternative names when the visible names do not settle it.
 */
final class ShowMatcher {

  // Must split: "Doctor Who 2005", "Doctor Who (2005)"; must not: "1923", "Blade Runner 2049".
  private static final Pattern TRAILING_YEAR = Pattern.compile("^(.+?)\\s+\\(?((?:19|20)\\d\\d)\\)?$");

  private final TmdbClient tmdb;
  private final Decider decider;
  private final int detailCandidates;

  ShowMatcher(TmdbClient tmdb, Decider decider, int detailCandidates) {
    this.tmdb = tmdb;
    this.decider = decider;
    this.detailCandidates = detailCandidates;
  }

  MatchResult match(String title, Integer year, List<String> evidence) {
    var m = TRAILING_YEAR.matcher(title.strip());
    if (year == null && m.matches()) {
      title = m.group(1);
      year = Integer.valueOf(m.group(2));
      evidence.add("year " + year + " taken out of the show name");
    }
    String key = TitleNormalizer.key(title);
    String query = TitleNormalizer.query(title);
    var pool = new LinkedHashMap<Long, TvSummary>();
    if (year != null) {
      search(query, year, pool, evidence);
      var ranked = rank(key, year, pool, Map.of(), false);
      if (!ranked.isEmpty() && ranked.get(0).score() >= 1 && decider.accepts(ranked)) {
        return decide(key, year, pool, Map.of(), title, evidence);
      }
    }
    search(query, null, pool, evidence);
    for (String variant : MovieMatcher.variants(query)) {
      if (!pool.isEmpty()) {
        break;
      }
      search(variant, null, pool, evidence);
    }
    var ranked = rank(key, year, pool, Map.of(), false);
    var details = new LinkedHashMap<Long, TvDetails>();
    if (!decider.accepts(ranked) && !ranked.isEmpty()) {
      for (Candidate c : ranked.subList(0, Math.min(detailCandidates, ranked.size()))) {
        tmdb.tv(c.identity().tmdbId()).ifPresent(d -> details.put(d.id(), d));
      }
      evidence.add("fetched details of " + details.size() + " show(s) for alternative names");
    }
    return decide(key, year, pool, details, title, evidence);
  }

  private MatchResult decide(String key, Integer year, Map<Long, TvSummary> pool, Map<Long, TvDetails> details,
      String title, List<String> evidence) {
    var ranked = rank(key, year, pool, details, false);
    var top = new ArrayList<Candidate>(); // only the candidates shown get their explanation written
    for (Candidate c : ranked.subList(0, Math.min(5, ranked.size()))) {
      long id = c.identity().tmdbId();
      TvDetails d = details.get(id);
      top.add(d == null ? ShowRanker.score(key, year, pool.get(id), true) : ShowRanker.score(key, year, d, true));
    }
    ranked = top;
    ranked.stream().limit(3).forEach(c -> evidence.add("candidate " + Decider.label(c) + ": " + c.why()
        + " = " + Decider.fmt(c.score())));
    return decider.decide(ranked, "show '" + title + "'" + (year == null ? "" : " (" + year + ")"), evidence);
  }

  private static List<Candidate> rank(String key, Integer year, Map<Long, TvSummary> pool, Map<Long, TvDetails> details,
      boolean explain) {
    var ranked = new ArrayList<Candidate>();
    for (TvSummary s : pool.values()) {
      TvDetails d = details.get(s.id());
      ranked.add(d == null ? ShowRanker.score(key, year, s, explain) : ShowRanker.score(key, year, d, explain));
    }
    ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return ranked;
  }

  private void search(String query, Integer year, Map<Long, TvSummary> pool, List<String> evidence) {
    SearchPage<TvSummary> page = tmdb.searchTv(query, year, 1);
    page.results().forEach(s -> pool.putIfAbsent(s.id(), s));
    evidence.add("search tv '" + query + "'" + (year == null ? "" : " first_air_date_year=" + year) + ": "
        + page.totalResults() + " result(s)");
  }
}
