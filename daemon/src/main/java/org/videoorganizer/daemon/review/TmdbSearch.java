package org.videoorganizer.daemon.review;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.tmdb.ExternalSource;
import org.videoorganizer.core.tmdb.FindResult;
import org.videoorganizer.core.tmdb.MovieDetails;
import org.videoorganizer.core.tmdb.MovieSummary;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.TvDetails;
import org.videoorganizer.core.tmdb.TvSummary;
import org.videoorganizer.web.Lookup;
import org.videoorganizer.web.WebProblem;

/** The review page's TMDB look-ups, through the daemon's one client (rate limit, cache). Blocking. */
final class TmdbSearch {

  private static final int SHOWN = 8;
  private final TmdbClient client;

  TmdbSearch(TmdbClient client) {
    this.client = client;
  }

  JsonArray search(Lookup lookup) {
    JsonArray out = new JsonArray();
    switch (lookup) {
      case Lookup.TmdbId t -> {
        if (t.kind().equals("movie")) {
          client.movie(t.id()).ifPresent(m -> out.add(hit(m)));
        } else {
          client.tv(t.id()).ifPresent(s -> out.add(hit(s)));
        }
      }
      case Lookup.ImdbId i -> {
        FindResult found = client.find(i.id(), ExternalSource.IMDB);
        found.movies().forEach(m -> out.add(hit(m)));
        found.shows().forEach(s -> out.add(hit(s)));
      }
      case Lookup.Title t -> {
        if (!t.kind().equals("tv")) {
          client.searchMovies(t.text(), null, t.year(), 1).results().stream().limit(SHOWN).forEach(m -> out.add(hit(m)));
        }
        if (!t.kind().equals("movie")) {
          client.searchTv(t.text(), t.year(), 1).results().stream().limit(SHOWN).forEach(s -> out.add(hit(s)));
        }
      }
    }
    return out;
  }

  MediaIdentity movie(long id) {
    MovieDetails m = client.movie(id).orElseThrow(() -> WebProblem.notFound("TMDB has no film " + id));
    return MediaIdentity.movie(m.title(), year(m.releaseDate())).withIds(m.id(), m.imdbId(), null);
  }

  /** The show as an identity without episode numbers (those come from each file's name). */
  MediaIdentity show(long id) {
    TvDetails s = client.tv(id).orElseThrow(() -> WebProblem.notFound("TMDB has no show " + id));
    return MediaIdentity.episode(s.name(), year(s.firstAirDate()), 1, java.util.List.of(1)).withIds(s.id(), null, null);
  }

  private static JsonObject hit(MovieSummary m) {
    return new JsonObject().put("kind", "movie").put("tmdb_id", m.id()).put("title", m.title())
        .put("year", year(m.releaseDate())).put("original_title", m.originalTitle());
  }

  private static JsonObject hit(MovieDetails m) {
    return new JsonObject().put("kind", "movie").put("tmdb_id", m.id()).put("title", m.title())
        .put("year", year(m.releaseDate())).put("imdb_id", m.imdbId());
  }

  private static JsonObject hit(TvSummary s) {
    return new JsonObject().put("kind", "tv").put("tmdb_id", s.id()).put("title", s.name())
        .put("year", year(s.firstAirDate())).put("original_title", s.originalName());
  }

  private static JsonObject hit(TvDetails s) {
    return new JsonObject().put("kind", "tv").put("tmdb_id", s.id()).put("title", s.name()).put("year", year(s.firstAirDate()));
  }

  private static Integer year(LocalDate d) {
    return d == null ? null : d.getYear();
  }
}
