package org.videoorganizer.core.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.tmdb.Episode;
import org.videoorganizer.core.tmdb.EpisodeGroup;
import org.videoorganizer.core.tmdb.EpisodeGroupSummary;
import org.videoorganizer.core.tmdb.Season;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.TvDetails;

/**
 * Episodes of a chosen show: by air date (daily shows: the season of that year, then the one
 * before), by season and episode (checked against the season's list), or by absolute number
 * (through the show's absolute episode group, else counting the aired seasons in order).
 */
final class EpisodeResolver {

  private final TmdbClient tmdb;

  EpisodeResolver(TmdbClient tmdb) {
    this.tmdb = tmdb;
  }

  MatchResult resolve(MatchResult.Matched show, ParsedName name, List<String> evidence) {
    Identity id = show.identity();
    if (name.date() != null) {
      return byDate(show, name.date(), evidence);
    }
    List<Integer> absolute = !name.absoluteEpisodes().isEmpty() ? name.absoluteEpisodes()
        : name.season() == null ? name.episodes() : List.of();
    if (!absolute.isEmpty()) {
      return byAbsolute(show, absolute, evidence);
    }
    if (name.season() != null && !name.episodes().isEmpty()) {
      return bySeason(show, name.season(), name.episodes(), evidence);
    }
    if (name.season() != null) {
      return review(show, "the name gives season " + name.season() + " of " + id.title() + " but no episode number",
          evidence);
    }
    return review(show, "the name gives no season, episode or air date for " + id.title(), evidence);
  }

  private MatchResult bySeason(MatchResult.Matched show, int season, List<Integer> episodes, List<String> evidence) {
    Optional<Season> found = tmdb.season(show.identity().tmdbId(), season);
    if (found.isEmpty()) {
      return review(show, "TMDB has no season " + season + " of " + show.identity().title(), evidence);
    }
    var numbers = new ArrayList<Integer>();
    String title = null;
    for (int e : episodes) {
      Optional<Episode> ep = found.get().episodes().stream().filter(x -> x.episodeNumber() == e).findFirst();
      if (ep.isEmpty()) {
        return review(show, "TMDB has no episode S" + season + "E" + e + " of " + show.identity().title()
            + " (season " + season + " has " + found.get().episodes().size() + ")", evidence);
      }
      numbers.add(e);
      title = title == null ? ep.get().name() : title;
    }
    evidence.add("episode S" + season + "E" + episodes.get(0) + " found: '" + title + "'");
    return matched(show, show.identity().withEpisodes(season, numbers, title), evidence);
  }

  private MatchResult byDate(MatchResult.Matched show, LocalDate date, List<String> evidence) {
    Optional<TvDetails> details = tmdb.tv(show.identity().tmdbId());
    if (details.isEmpty()) {
      return review(show, "TMDB lost the show " + show.identity().tmdbId(), evidence);
    }
    var seasons = new ArrayList<>(details.get().seasons().stream()
        .filter(s -> s.airDate() != null && !s.airDate().isAfter(date))
        .sorted(Comparator.comparing(TvDetails.SeasonSummary::airDate).reversed()).limit(2).toList());
    details.get().seasons().stream() // some daily shows number their seasons by year
        .filter(s -> s.seasonNumber() == date.getYear() && !seasons.contains(s)).forEach(seasons::add);
    var hits = new ArrayList<Episode>();
    for (var s : seasons) {
      tmdb.season(show.identity().tmdbId(), s.seasonNumber())
          .ifPresent(x -> x.episodes().stream().filter(e -> date.equals(e.airDate())).forEach(hits::add));
    }
    if (hits.size() == 1) {
      Episode e = hits.get(0);
      evidence.add("aired " + date + ": S" + e.seasonNumber() + "E" + e.episodeNumber() + " '" + e.name() + "'");
      return matched(show, show.identity().withEpisodes(e.seasonNumber(), List.of(e.episodeNumber()), e.name()), evidence);
    }
    if (hits.size() > 1) {
      return review(show, hits.size() + " episodes of " + show.identity().title() + " aired on " + date, evidence);
    }
    return review(show, "no episode of " + show.identity().title() + " aired on " + date, evidence);
  }

  private MatchResult byAbsolute(MatchResult.Matched show, List<Integer> numbers, List<String> evidence) {
    List<Episode> order = absoluteOrder(show.identity().tmdbId(), evidence);
    var episodes = new ArrayList<Integer>();
    Episode first = null;
    for (int n : numbers) {
      if (n < 1 || n > order.size()) {
        return review(show, "absolute episode " + n + " is beyond the " + order.size() + " episodes TMDB lists for "
            + show.identity().title(), evidence);
      }
      Episode e = order.get(n - 1);
      if (first == null) {
        first = e;
      }
      if (e.seasonNumber() == first.seasonNumber()) {
        episodes.add(e.episodeNumber());
      }
    }
    evidence.add("absolute " + numbers.get(0) + " = S" + first.seasonNumber() + "E" + first.episodeNumber());
    return matched(show, show.identity().withEpisodes(first.seasonNumber(), episodes, first.name()), evidence);
  }

  /** Every aired episode in absolute order: the absolute group if TMDB has one, else seasons 1.. in order. */
  private List<Episode> absoluteOrder(long showId, List<String> evidence) {
    TvDetails details = tmdb.tv(showId).orElse(null);
    if (details == null) {
      return List.of();
    }
    Optional<EpisodeGroupSummary> group = details.episodeGroups().stream().filter(EpisodeGroupSummary::isAbsolute).findFirst();
    if (group.isPresent()) {
      Optional<EpisodeGroup> full = tmdb.episodeGroup(group.get().id());
      if (full.isPresent()) {
        evidence.add("absolute order from episode group '" + group.get().name() + "'");
        return full.get().groups().stream().flatMap(g -> g.episodes().stream()).toList();
      }
    }
    evidence.add("absolute order counted over the aired seasons");
    var order = new ArrayList<Episode>();
    details.seasons().stream().filter(s -> s.seasonNumber() > 0)
        .sorted(Comparator.comparingInt(TvDetails.SeasonSummary::seasonNumber))
        .forEach(s -> {
          for (int e = 1; e <= s.episodeCount(); e++) {
            order.add(new Episode(0, showId, s.seasonNumber(), e, null, null, null, -1));
          }
        });
    return order;
  }

  private static MatchResult matched(MatchResult.Matched show, Identity identity, List<String> evidence) {
    return new MatchResult.Matched(identity, show.confidence(), evidence);
  }

  private static MatchResult review(MatchResult.Matched show, String reason, List<String> evidence) {
    evidence.add(reason);
    return new MatchResult.Review(List.of(new Candidate(show.identity(), show.confidence(), "the show matched")),
        reason, show.confidence() * 0.5, evidence);
  }
}
