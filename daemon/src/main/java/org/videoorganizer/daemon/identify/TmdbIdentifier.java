package org.videoorganizer.daemon.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.core.match.Identity;
import org.videoorganizer.core.match.MatchResult;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.naming.MediaIdentity.Kind;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.nfo.NfoContent;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.TmdbException;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.gpu.AnalysisMatcher;
import org.videoorganizer.gpu.AnalysisReport;

/**
 * Identifies videos against TMDB with the core-lib {@link Matcher}, for {@code vorg organize} and
 * for the daemon's identify stage. The name and any NFO next to the video are read first ({@link
 * NameIdentifier}): samples stay skipped, ids in an NFO are looked up before any search. Then:
 *
 * <ul>
 *   <li>matched: named with the TMDB title, year and ids (and the episode title), with the
 *       matcher's confidence and evidence;
 *   <li>review: left in place, with the reason and the best candidates;
 *   <li>none: a film without a year, or a video that is neither film nor episode by its name, is
 *       filed under {@code Other} (a home video, a clip) without a confidence; a film with a year
 *       or an episode is left for review (a typo, a wrong title, a show TMDB lacks);
 *   <li>TMDB failed: {@link Identification.Failed} with TMDB's message. {@link #forOneRun} then
 *       stops asking TMDB for the rest of the run after a rejected key or an unreachable TMDB
 *       (other failures after three in a row); {@link #forService} asks again for every video,
 *       so its caller can retry.
 * </ul>
 *
 * Thread-safe: one identifier may serve many threads.
 */
public final class TmdbIdentifier implements Identifier {

  private static final Logger log = LoggerFactory.getLogger(TmdbIdentifier.class);
  private static final int CANDIDATES_SHOWN = 3;
  private static final int CANDIDATES_STORED = 8;

  private final NameIdentifier names;
  private final Matcher matcher;
  private final TmdbClient tmdb;
  private final TmdbOutages outages;
  private final String unknownAdvice;

  private TmdbIdentifier(NameIdentifier names, Matcher matcher, TmdbClient tmdb, TmdbOutages outages,
      String unknownAdvice) {
    this.names = names;
    this.matcher = matcher;
    this.tmdb = tmdb;
    this.outages = outages;
    this.unknownAdvice = unknownAdvice;
  }

  /**
   * For one run over a folder ({@code vorg organize}): after TMDB is found gone, the remaining
   * videos fail at once without asking it.
   *
   * @param tmdb the matcher's client, asked for the IMDb and TVDB ids a search does not give
   */
  public static TmdbIdentifier forOneRun(NameIdentifier names, Matcher matcher, TmdbClient tmdb) {
    return new TmdbIdentifier(names, matcher, tmdb, TmdbOutages.givingUpForTheRun(),
        "check the name, or run with --no-tmdb to name it from the file name");
  }

  /**
   * For a long-running service (the daemon): TMDB is asked for every video, and a failure is only
   * that video's {@link Identification.Failed}, never a give-up or a guess.
   *
   * @param tmdb the matcher's client, asked for the IMDb and TVDB ids a search does not give
   */
  public static TmdbIdentifier forService(NameIdentifier names, Matcher matcher, TmdbClient tmdb) {
    return new TmdbIdentifier(names, matcher, tmdb, TmdbOutages.neverGivingUp(), "check the name");
  }

  @Override
  public Identification identify(SourceGroup group) {
    Identification byName = names.identify(group);
    if (!(byName instanceof Identification.Named named)) {
      return byName;
    }
    if (named.identity().kind() == Kind.OTHER && named.identity().airDate() != null) {
      return byName; // a dated home video: TMDB knows none, and a search by date finds daily shows
    }
    Optional<String> givenUp = outages.givenUp();
    if (givenUp.isPresent()) {
      return new Identification.Failed("left in place, TMDB not asked: " + givenUp.get());
    }
    ParsedName parsed = names.parsed(group);
    ParsedName query = withNfo(parsed, names.nfo(group), named.identity().kind());
    MatchResult result;
    try {
      result = matcher.match(query);
      outages.answered();
    } catch (TmdbException e) {
      return failed(e, group);
    }
    return switch (result) {
      case MatchResult.Matched m -> matched(withExternalIds(m), named.identity(), nfoEvidence(parsed, query));
      case MatchResult.Review r -> new Identification.Review(reviewReason(r), r.candidates().stream().limit(CANDIDATES_STORED).toList(),
          r.evidence());
      case MatchResult.NoMatch n -> none(n, named);
    };
  }

  /**
   * Identifies the group again with what content analysis found in its file ({@link
   * AnalysisMatcher}): the runtime re-ranks the name's candidates, and the titles read on screen
   * or proposed by a vision model are searched. A confident name match stands untouched, and a
   * proposal only wins when the matcher is as sure of it as of a name; otherwise the answer is the
   * name's, with what analysis saw as evidence for review. TMDB failures are {@link
   * Identification.Failed}, as in {@link #identify}.
   */
  public Identification identify(SourceGroup group, AnalysisReport report) {
    Identification byName = names.identify(group);
    if (!(byName instanceof Identification.Named named)) {
      return byName;
    }
    ParsedName parsed = names.parsed(group);
    ParsedName query = withNfo(parsed, names.nfo(group), named.identity().kind());
    MatchResult result;
    try {
      result = new AnalysisMatcher(matcher).rematch(query, matcher.match(query), report);
      outages.answered();
    } catch (TmdbException e) {
      return failed(e, group);
    }
    return switch (result) {
      case MatchResult.Matched m -> matched(withExternalIds(m), named.identity(), nfoEvidence(parsed, query));
      case MatchResult.Review r -> new Identification.Review(reviewReason(r), analysisLines(r.evidence()));
      case MatchResult.NoMatch n -> withEvidence(none(n, named), analysisLines(n.evidence()));
    };
  }

  private static List<String> analysisLines(List<String> evidence) {
    return evidence.stream().filter(line -> line.startsWith("analysis: ")).toList();
  }

  private static Identification withEvidence(Identification idf, List<String> lines) {
    return idf instanceof Identification.Review r ? new Identification.Review(r.reason(), lines) : idf;
  }

  @Override
  public Optional<String> versionLabel(SourceGroup group) {
    return names.versionLabel(group);
  }

  // Ids an NFO gives go first. An episode NFO's TMDB and TVDB ids name the episode, not the show,
  // so only its IMDb id (which TMDB's find resolves to the episode) is used.
  static ParsedName withNfo(ParsedName parsed, Optional<NfoContent> nfo, Kind kind) {
    if (nfo.isEmpty() || !nfo.get().hasIds()) {
      return parsed;
    }
    NfoContent n = nfo.get();
    boolean episodeNfo = kind == Kind.EPISODE && n.kind() != NfoContent.Kind.TVSHOW;
    var b = parsed.toBuilder();
    if (n.imdbId() != null) {
      b.imdbId(n.imdbId());
    }
    if (!episodeNfo && n.tmdbId() != null) {
      b.tmdbId(n.tmdbId());
    }
    if (!episodeNfo && n.tvdbId() != null) {
      b.tvdbId(n.tvdbId());
    }
    return b.build();
  }

  // The matcher says "in the name" for every id it is given; say which came from the NFO.
  private static List<String> nfoEvidence(ParsedName parsed, ParsedName query) {
    var ids = new ArrayList<String>();
    if (query.tmdbId() != null && !query.tmdbId().equals(parsed.tmdbId())) {
      ids.add("tmdb " + query.tmdbId());
    }
    if (query.imdbId() != null && !query.imdbId().equals(parsed.imdbId())) {
      ids.add("imdb " + query.imdbId());
    }
    if (query.tvdbId() != null && !query.tvdbId().equals(parsed.tvdbId())) {
      ids.add("tvdb " + query.tvdbId());
    }
    return ids.isEmpty() ? List.of() : List.of("ids from the NFO next to the video: " + String.join(", ", ids));
  }

  // A search answer has no IMDb or TVDB id; the details (cached, often fetched while matching) do.
  // Without them the TMDB id alone still names the video, so a failure here is only logged.
  private MatchResult.Matched withExternalIds(MatchResult.Matched m) {
    Identity t = m.identity();
    if (t.imdbId() != null) {
      return m;
    }
    try {
      Optional<Identity> more = t.kind() == Identity.Kind.MOVIE
          ? tmdb.movie(t.tmdbId()).map(d -> t.withExternalIds(d.imdbId(), null))
          : tmdb.tv(t.tmdbId()).map(d -> t.withExternalIds(d.imdbId(), d.tvdbId()));
      return more.map(i -> new MatchResult.Matched(i, m.confidence(), m.evidence())).orElse(m);
    } catch (TmdbException e) {
      log.warn("TMDB gave no details for {}: {}", describe(t), e.getMessage());
      return m;
    }
  }

  private static Identification matched(MatchResult.Matched m, MediaIdentity byName, List<String> nfoEvidence) {
    Identity t = m.identity();
    MediaIdentity id;
    if (t.kind() == Identity.Kind.MOVIE) {
      if (byName.kind() == Kind.EPISODE) {
        return new Identification.Review("the name looks like an episode but TMDB gives the film " + describe(t));
      }
      id = MediaIdentity.movie(t.title(), t.year()).withEdition(byName.edition());
    } else {
      if (t.season() == null || t.episodes().isEmpty()) {
        return new Identification.Review("TMDB gives the show " + describe(t)
            + " but the name gives no episode number to file it under");
      }
      id = MediaIdentity.episode(t.title(), t.year(), t.season(), t.episodes()).withEpisodeTitle(t.episodeTitle());
    }
    id = id.withIds(t.tmdbId(), t.imdbId(), t.kind() == Identity.Kind.TV ? t.tvdbId() : null)
        .withPart(byName.part()).withExtra(byName.extra(), byName.extraTitle());
    String how = String.format(Locale.ROOT, "TMDB match %s, confidence %.2f", describe(t), m.confidence());
    var evidence = new ArrayList<>(nfoEvidence);
    evidence.addAll(m.evidence());
    return new Identification.Named(id, how, OptionalDouble.of(m.confidence()), evidence);
  }

  private static String reviewReason(MatchResult.Review r) {
    String candidates = r.candidates().stream().limit(CANDIDATES_SHOWN)
        .map(c -> describe(c.identity()) + String.format(Locale.ROOT, " %.2f", c.score()))
        .collect(Collectors.joining(", "));
    return "TMDB is not sure: " + r.reason() + (candidates.isEmpty() ? "" : "; candidates: " + candidates);
  }

  // A film TMDB does not know that has a year is most likely a misspelt film: a person should look.
  // Without a year (and no id) it is most likely a home video or a clip: Other, as without TMDB.
  private Identification none(MatchResult.NoMatch n, Identification.Named byName) {
    MediaIdentity id = byName.identity();
    String found = "TMDB found nothing for '" + id.title() + "' (" + n.reason() + ")";
    if (id.kind() == Kind.OTHER) {
      return new Identification.Named(id, found + "; filed under Other", OptionalDouble.empty(), n.evidence());
    }
    boolean plainFilm = id.kind() == Kind.MOVIE && id.year() == null && id.tmdbId() == null && id.imdbId() == null
        && id.extra() == null;
    if (plainFilm) {
      return new Identification.Named(MediaIdentity.other(id.title(), null).withPart(id.part()),
          found + " and the name has no year: filed under Other as a home video or clip", OptionalDouble.empty(),
          n.evidence());
    }
    return new Identification.Review(found + "; " + unknownAdvice);
  }

  private Identification failed(TmdbException e, SourceGroup group) {
    log.warn("TMDB failed while identifying {}: {}", group.video(), e.getMessage());
    outages.failed(e);
    return new Identification.Failed("left in place, TMDB failed: " + e.getMessage());
  }

  static String describe(Identity t) {
    String numbers = t.season() == null || t.episodes().isEmpty() ? ""
        : String.format(Locale.ROOT, " S%02dE%02d", t.season(), t.episodes().getFirst());
    return t.title() + (t.year() == null ? "" : " (" + t.year() + ")") + numbers + " [" + t.kind().tmdbName()
        + " " + t.tmdbId() + "]";
  }
}
