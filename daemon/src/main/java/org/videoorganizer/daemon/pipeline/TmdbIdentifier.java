package org.videoorganizer.daemon.pipeline;

import java.util.function.Function;
import org.videoorganizer.core.match.Identity;
import org.videoorganizer.core.match.MatchResult;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.daemon.organize.Identification;
import org.videoorganizer.daemon.organize.Identifier;
import org.videoorganizer.daemon.organize.SourceGroup;

/** Identifies through TMDB: the parser's reading of the path, then the matcher's decision. */
final class TmdbIdentifier implements Identifier {

  private final Function<String, ParsedName> parser;
  private final Matcher matcher;

  TmdbIdentifier(Function<String, ParsedName> parser, Matcher matcher) {
    this.parser = parser;
    this.matcher = matcher;
  }

  @Override
  public Identification identify(SourceGroup group) {
    ParsedName parsed = parser.apply(group.relativeVideo().toString());
    MatchResult result = matcher.match(parsed);
    return switch (result) {
      case MatchResult.Matched m -> named(m.identity(), m.confidence());
      case MatchResult.Review r -> new Identification.Review("TMDB match uncertain (" + pct(r.confidence()) + "): " + r.reason());
      case MatchResult.NoMatch n -> new Identification.Review("no TMDB match: " + n.reason());
    };
  }

  private static Identification named(Identity id, double confidence) {
    String why = "matched on TMDB (" + pct(confidence) + ")";
    if (id.kind() == Identity.Kind.MOVIE) {
      return new Identification.Named(MediaIdentity.movie(id.title(), id.year())
          .withIds(id.tmdbId(), id.imdbId(), id.tvdbId()), why);
    }
    if (id.season() == null || id.episodes() == null || id.episodes().isEmpty()) {
      return new Identification.Review("TMDB show '" + id.title() + "' matched, but no season and episode were found");
    }
    return new Identification.Named(MediaIdentity.episode(id.title(), id.year(), id.season(), id.episodes())
        .withIds(id.tmdbId(), id.imdbId(), id.tvdbId()).withEpisodeTitle(id.episodeTitle()), why);
  }

  private static String pct(double confidence) {
    return Math.round(confidence * 100) + "%";
  }
}
