package org.videoorganizer.core.match;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.core.parse.MediaType;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.tmdb.TmdbClient;

/**
 * Finds what a parsed file name is on TMDB, and says how sure it is. Ids in the name first, then
 * several searches and a local ranking over titles, original and alternative titles, year with
 * tolerance and runtime against the file's duration; episodes by numbers, air date or absolute
 * number. Thread-safe; the client's cache makes repeated names cheap.
 *
 * <pre>{@code
 * Matcher matcher = Matcher.builder(tmdb).build();
 * switch (matcher.match(parsed, Optional.of(duration))) {
 *   case MatchResult.Matched m -> organize(m.identity());
 *   case MatchResult.Review r -> ask(r.candidates(), r.reason());
 *   case MatchResult.NoMatch n -> leave(n.reason());
 * }
 * }</pre>
 *
 * @throws org.videoorganizer.core.tmdb.TmdbException from {@code match} when TMDB fails
 */
public final class Matcher {

  private final IdLookup ids;
  private final MovieMatcher movies;
  private final ShowMatcher shows;
  private final EpisodeResolver episodes;

  private Matcher(TmdbClient tmdb, Decider decider, int detailCandidates) {
    this.ids = new IdLookup(tmdb);
    this.movies = new MovieMatcher(tmdb, decider, detailCandidates);
    this.shows = new ShowMatcher(tmdb, decider, detailCandidates);
    this.episodes = new EpisodeResolver(tmdb);
  }

  public static Builder builder(TmdbClient tmdb) {
    if (tmdb == null) {
      throw new IllegalArgumentException("the matcher needs a TmdbClient, got null");
    }
    return new Builder(tmdb);
  }

  /** Matches a name whose video length is unknown. */
  public MatchResult match(ParsedName name) {
    return match(name, Optional.empty());
  }

  /** Matches a name; the duration, when known, is compared with film runtimes. */
  public MatchResult match(ParsedName name, Optional<Duration> duration) {
    var evidence = new ArrayList<String>();
    boolean episodic = isEpisodic(name);
    evidence.add("parsed as " + (episodic ? "episode" : "film") + ": '" + name.title() + "'"
        + (name.year() == null ? "" : " year " + name.year()));
    Optional<MatchResult.Matched> byId = ids.lookup(name, episodic, evidence);
    if (byId.isPresent()) {
      return episodic ? episodes.resolve(byId.get(), name, evidence) : byId.get();
    }
    if (episodic && (name.title() == null || name.title().isBlank()) && name.year() != null) {
      evidence.add("no title but a year: the show is named " + name.year() + " (like '1923')");
      name = name.toBuilder().title(String.valueOf(name.year())).year(null).build();
    }
    if (name.title() == null || TitleNormalizer.key(name.title()).isEmpty()) {
      return new MatchResult.NoMatch("the name gives no title to search for", evidence);
    }
    MatchResult first = byTitle(name, episodic, duration, evidence);
    for (String other : readings(name)) {
      if (other == null || TitleNormalizer.key(other).isEmpty() || TitleNormalizer.key(other).equals(TitleNormalizer.key(name.title()))) {
        continue;
      }
      evidence.add("the name also reads '" + other + "': searching that too");
      MatchResult second = byTitle(name.toBuilder().title(other).build(), episodic, duration, evidence);
      first = Readings.decide(name.title(), first, other, second, evidence);
    }
    return first;
  }

  /**
   * The other readings of the name: the parser's alternative titles, and the title with its
   * country qualifier ("The Office US"), which TMDB lists among a show's alternative titles.
   */
  private static List<String> readings(ParsedName name) {
    if (name.country() == null) {
      return name.alternativeTitles();
    }
    var all = new ArrayList<String>(name.alternativeTitles().size() + 1);
    all.add(name.title() + " " + name.country());
    all.addAll(name.alternativeTitles());
    return all;
  }

  /** The search and ranking for one reading of the title. */
  private MatchResult byTitle(ParsedName name, boolean episodic, Optional<Duration> duration, List<String> evidence) {
    if (!episodic) {
      MatchResult film = movies.match(name.title(), name.part(), name.year(), duration.orElse(null), evidence);
      if (film instanceof MatchResult.NoMatch && name.type() == MediaType.UNKNOWN) {
        evidence.add("no film: trying shows, the name could be a show's folder");
        MatchResult show = shows.match(name.title(), name.year(), evidence);
        return show instanceof MatchResult.NoMatch ? film : show;
      }
      return film;
    }
    MatchResult show = shows.match(name.title(), name.year(), evidence);
    if (show instanceof MatchResult.Matched m) {
      return episodes.resolve(m, name, evidence);
    }
    Optional<SeasonSuffix.Split> split = SeasonSuffix.split(name.title());
    if (split.isPresent()) {
      evidence.add("season " + split.get().season() + " taken out of the show name '" + name.title() + "'");
      MatchResult parent = shows.match(split.get().base(), name.year(), evidence);
      if (parent instanceof MatchResult.Matched m) {
        ParsedName inSeason = name.season() == null ? name.toBuilder().seasons(List.of(split.get().season())).build() : name;
        return episodes.resolve(m, inSeason, evidence);
      }
    }
    return show;
  }

  private static boolean isEpisodic(ParsedName name) {
    return name.type() == MediaType.EPISODE || name.date() != null || !name.episodes().isEmpty()
        || !name.absoluteEpisodes().isEmpty() || (name.type() == MediaType.UNKNOWN && !name.seasons().isEmpty());
  }

  /** Thresholds and effort; defaults: accept at 0.85, margin 0.15, review floor 0.45, 3 detail fetches. */
  public static final class Builder {
    private final TmdbClient tmdb;
    private double autoAccept = Decider.DEFAULT.autoAccept();
    private double margin = Decider.DEFAULT.margin();
    private double reviewFloor = Decider.DEFAULT.reviewFloor();
    private int detailCandidates = 3;

    private Builder(TmdbClient tmdb) {
      this.tmdb = tmdb;
    }

    /** Confidence at or above which a candidate is taken without asking (0..1). */
    public Builder autoAccept(double threshold) {
      this.autoAccept = threshold;
      return this;
    }

    /** Score lead over the runner-up below which confidence drops (0..1, above 0). */
    public Builder margin(double margin) {
      this.margin = margin;
      return this;
    }

    /** Best score below which the answer is "none" rather than "review" (0..1). */
    public Builder reviewFloor(double floor) {
      this.reviewFloor = floor;
      return this;
    }

    /** How many top candidates get their details fetched when titles do not settle it (0..10). */
    public Builder detailCandidates(int count) {
      if (count < 0 || count > 10) {
        throw new IllegalArgumentException("detail candidates must be between 0 and 10, got " + count);
      }
      this.detailCandidates = count;
      return this;
    }

    public Matcher build() {
      return new Matcher(tmdb, new Decider(autoAccept, margin, reviewFloor), detailCandidates);
    }
  }

}
