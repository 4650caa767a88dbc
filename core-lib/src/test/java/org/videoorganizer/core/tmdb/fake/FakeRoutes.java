package org.videoorganizer.core.tmdb.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths to answers; anything unknown is TMDB's 404 (code 34). */
final class FakeRoutes {

  record Answer(int status, ObjectNode body) {}

  private static final Pattern MOVIE = Pattern.compile("/3/movie/(\\d+)");
  private static final Pattern TV = Pattern.compile("/3/tv/(\\d+)");
  private static final Pattern SEASON = Pattern.compile("/3/tv/(\\d+)/season/(\\d+)");
  private static final Pattern EPISODE = Pattern.compile("/3/tv/(\\d+)/season/(\\d+)/episode/(\\d+)");
  private static final Pattern GROUPS = Pattern.compile("/3/tv/(\\d+)/episode_groups");
  private static final Pattern GROUP = Pattern.compile("/3/tv/episode_group/5f0abs([0-9a-f]+)");
  private static final Pattern FIND = Pattern.compile("/3/find/([^/]+)");

  private final FakeCatalog catalog;

  FakeRoutes(FakeCatalog catalog) {
    this.catalog = catalog;
  }

  Answer answer(String path, Map<String, String> p) {
    try {
      return route(path, p).orElseGet(() -> error(404, 34, "The resource you requested could not be found."));
    } catch (NumberFormatException e) {
      return error(422, 5, "Invalid parameters: Your request parameters are incorrect.");
    }
  }

  private Optional<Answer> route(String path, Map<String, String> p) {
    if (path.startsWith("/3/search/")) {
      return Optional.of(search(path.substring("/3/search/".length()), p));
    }
    if (path.equals("/3/configuration")) {
      return ok(configuration());
    }
    Matcher m;
    if ((m = EPISODE.matcher(path)).matches()) {
      long show = Long.parseLong(m.group(1));
      int s = Integer.parseInt(m.group(2));
      int e = Integer.parseInt(m.group(3));
      return catalog.show(show).flatMap(sh -> sh.season(s).flatMap(se -> se.episodes().stream()
          .filter(x -> x.number() == e).findFirst().map(x -> ok(FakeJson.episode(sh, x)).get())));
    }
    if ((m = SEASON.matcher(path)).matches()) {
      int s = Integer.parseInt(m.group(2));
      return catalog.show(Long.parseLong(m.group(1)))
          .flatMap(sh -> sh.season(s).map(se -> new Answer(200, FakeJson.season(sh, se))));
    }
    if ((m = GROUPS.matcher(path)).matches()) {
      return catalog.show(Long.parseLong(m.group(1))).map(sh -> new Answer(200, FakeJson.episodeGroups(sh)));
    }
    if ((m = GROUP.matcher(path)).matches()) {
      return catalog.show(Long.parseLong(m.group(1), 16)).filter(FakeCatalog.Show::absolute)
          .map(sh -> new Answer(200, FakeJson.episodeGroup(sh)));
    }
    if ((m = TV.matcher(path)).matches()) {
      return catalog.show(Long.parseLong(m.group(1)))
          .map(sh -> new Answer(200, FakeJson.tvDetails(sh, append(p))));
    }
    if ((m = MOVIE.matcher(path)).matches()) {
      return catalog.movie(Long.parseLong(m.group(1)))
          .map(mv -> new Answer(200, FakeJson.movieDetails(mv, append(p))));
    }
    if ((m = FIND.matcher(path)).matches()) {
      return Optional.of(find(m.group(1), p.get("external_source")));
    }
    return Optional.empty();
  }

  private Answer search(String kind, Map<String, String> p) {
    String query = p.getOrDefault("query", "");
    if (query.isBlank()) {
      return new Answer(422, FakeJson.JSON.createObjectNode().set("errors",
          FakeJson.JSON.createArrayNode().add("query must be provided")));
    }
    int page = Integer.parseInt(p.getOrDefault("page", "1"));
    if (page < 1 || page > 500) {
      return error(400, 22, "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.");
    }
    List<ObjectNode> all = switch (kind) {
      case "movie" -> FakeSearch.movies(catalog, query, year(p, "year"), year(p, "primary_release_year"))
          .stream().map(FakeJson::movieSummary).toList();
      case "tv" -> FakeSearch.shows(catalog, query, year(p, "first_air_date_year"), year(p, "year"))
          .stream().map(FakeJson::tvSummary).toList();
      case "multi" -> multi(query);
      default -> null;
    };
    return all == null ? error(404, 34, "The resource you requested could not be found.")
        : new Answer(200, FakeJson.page(all, page));
  }

  private List<ObjectNode> multi(String query) {
    var movies = FakeSearch.movies(catalog, query, null, null).stream()
        .map(m -> FakeJson.movieSummary(m).put("media_type", "movie"));
    var shows = FakeSearch.shows(catalog, query, null, null).stream()
        .map(s -> FakeJson.tvSummary(s).put("media_type", "tv"));
    return java.util.stream.Stream.concat(movies, shows)
        .sorted((a, b) -> Double.compare(b.path("popularity").asDouble(), a.path("popularity").asDouble()))
        .toList();
  }

  private Answer find(String id, String source) {
    if (source == null) {
      return error(422, 5, "Invalid parameters: Your request parameters are incorrect.");
    }
    ObjectNode root = FakeJson.JSON.createObjectNode();
    var movies = root.putArray("movie_results");
    root.putArray("person_results");
    var shows = root.putArray("tv_results");
    root.putArray("tv_episode_results");
    root.putArray("tv_season_results");
    if (source.equals("imdb_id")) {
      catalog.movies().stream().filter(m -> id.equals(m.imdbId()))
          .forEach(m -> movies.add(FakeJson.movieSummary(m).put("media_type", "movie")));
      catalog.shows().stream().filter(s -> id.equals(s.imdbId()))
          .forEach(s -> shows.add(FakeJson.tvSummary(s).put("media_type", "tv")));
    } else if (source.equals("tvdb_id")) {
      catalog.shows().stream().filter(s -> s.tvdbId() != null && id.equals(s.tvdbId().toString()))
          .forEach(s -> shows.add(FakeJson.tvSummary(s).put("media_type", "tv")));
    }
    return new Answer(200, root);
  }

  private static ObjectNode configuration() {
    ObjectNode root = FakeJson.JSON.createObjectNode();
    ObjectNode images = root.putObject("images").put("base_url", "http://image.tmdb.org/t/p/")
        .put("secure_base_url", "https://image.tmdb.org/t/p/");
    var posters = images.putArray("poster_sizes");
    List.of("w92", "w154", "w185", "w342", "w500", "w780", "original").forEach(posters::add);
    var stills = images.putArray("still_sizes");
    List.of("w92", "w185", "w300", "original").forEach(stills::add);
    root.putArray("change_keys");
    return root;
  }

  private static Integer year(Map<String, String> p, String name) {
    String v = p.get(name);
    return v == null ? null : Integer.valueOf(v);
  }

  private static Set<String> append(Map<String, String> p) {
    String v = p.get("append_to_response");
    return v == null ? Set.of() : new HashSet<>(Arrays.asList(v.split(",")));
  }

  private static Optional<Answer> ok(ObjectNode body) {
    return Optional.of(new Answer(200, body));
  }

  private static Answer error(int status, int code, String message) {
    return new Answer(status, FakeJson.error(code, message));
  }
}
