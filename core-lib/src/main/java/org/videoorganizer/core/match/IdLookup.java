package org.videoorganizer.core.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.tmdb.Episode;
import org.videoorganizer.core.tmdb.ExternalSource;
import org.videoorganizer.core.tmdb.FindResult;
import org.videoorganizer.core.tmdb.MovieDetails;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.TvDetails;

/**
 * Ids written in the name ({@code [tmdbid-N]}, {@code tt1234567}, {@code [tvdbid-N]}) come
 * first. An id TMDB knows is a match unless the name's year disagrees with it by more than a
 * year, which sends it to review; an id TMDB does not know is noted and ignored.
 */
final class IdLookup {

  static final double ID_CONFIDENCE = 0.99;

  private final TmdbClient tmdb;

  IdLookup(TmdbClient tmdb) {
    this.tmdb = tmdb;
  }

  Optional<MatchResult.Matched> lookup(ParsedName name, boolean episodic, List<String> evidence) {
    if (name.tmdbId() != null) {
      Optional<Identity> byTmdb = episodic ? tmdb.tv(name.tmdbId()).map(IdLookup::show)
          : tmdb.movie(name.tmdbId()).map(IdLookup::movie);
      evidence.add("tmdb id " + name.tmdbId() + " in the name: " + byTmdb.map(i -> "found " + i.title()).orElse("unknown to TMDB"));
      if (byTmdb.isPresent()) {
        return Optional.of(matched(byTmdb.get(), evidence));
      }
    }
    if (name.imdbId() != null) {
      FindResult found = tmdb.find(name.imdbId(), ExternalSource.IMDB);
      evidence.add("imdb id " + name.imdbId() + " in the name: " + describe(found));
      if (!found.movies().isEmpty() && !episodic) {
        return Optional.of(matched(MovieRanker.identity(found.movies().get(0)).withExternalIds(name.imdbId(), null), evidence));
      }
      if (!found.shows().isEmpty()) {
        return Optional.of(matched(ShowRanker.identity(found.shows().get(0)), evidence));
      }
      if (!found.episodes().isEmpty()) {
        Episode e = found.episodes().get(0);
        return tmdb.tv(e.showId()).map(d -> matched(show(d).withEpisodes(e.seasonNumber(),
            List.of(e.episodeNumber()), e.name()), evidence));
      }
    }
    if (name.tvdbId() != null) {
      FindResult found = tmdb.find(String.valueOf(name.tvdbId()), ExternalSource.TVDB);
      evidence.add("tvdb id " + name.tvdbId() + " in the name: " + found.shows().size() + " show(s)");
      if (!found.shows().isEmpty()) {
        return Optional.of(matched(ShowRanker.identity(found.shows().get(0)), evidence));
      }
    }
    return Optional.empty();
  }

  private static MatchResult.Matched matched(Identity identity, List<String> evidence) {
    return new MatchResult.Matched(identity, ID_CONFIDENCE, new ArrayList<>(evidence));
  }

  private static String describe(FindResult f) {
    return f.movies().size() + " film(s), " + f.shows().size() + " show(s), " + f.episodes().size() + " episode(s)";
  }

  private static Identity movie(MovieDetails d) {
    return new Identity(Identity.Kind.MOVIE, d.id(), d.title(), d.originalTitle(), d.year(), null, List.of(), null, d.imdbId(), null);
  }

  private static Identity show(TvDetails d) {
    return new Identity(Identity.Kind.TV, d.id(), d.name(), d.originalName(), d.year(), null, List.of(), null, d.imdbId(), d.tvdbId());
  }
}
