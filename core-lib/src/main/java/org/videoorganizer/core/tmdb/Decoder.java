package org.videoorganizer.core.tmdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * TMDB JSON to records. Tolerant where TMDB is loose ("" dates, null paths, unknown fields),
 * strict where the matcher would be misled (a result without an id is a malformed answer).
 */
final class Decoder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Decoder() {}

  static JsonNode tree(String body, String path) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw malformed(path, "the answer is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new TmdbException(TmdbException.Kind.MALFORMED, 200,
          "TMDB answered " + path + " with malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  static <T> SearchPage<T> page(JsonNode root, String path, Function<JsonNode, T> item) {
    JsonNode results = root.path("results");
    if (!results.isArray()) {
      throw malformed(path, "'results' is not a list");
    }
    var list = new ArrayList<T>();
    for (JsonNode node : results) {
      T value = item.apply(node);
      if (value != null) {
        list.add(value);
      }
    }
    return new SearchPage<>(root.path("page").asInt(1), list, root.path("total_pages").asInt(1),
        root.path("total_results").asInt(list.size()));
  }

  static MovieSummary movie(JsonNode n) {
    return new MovieSummary(id(n), text(n, "title"), text(n, "original_title"),
        text(n, "original_language"), date(n, "release_date"), n.path("popularity").asDouble(),
        ints(n.path("genre_ids")));
  }

  static TvSummary tv(JsonNode n) {
    return new TvSummary(id(n), text(n, "name"), text(n, "original_name"),
        text(n, "original_language"), date(n, "first_air_date"), n.path("popularity").asDouble(),
        ints(n.path("genre_ids")), strings(n.path("origin_country")));
  }

  /** A multi-search item, or null for people. */
  static SearchHit multi(JsonNode n) {
    return switch (n.path("media_type").asText()) {
      case "movie" -> movie(n);
      case "tv" -> tv(n);
      default -> null;
    };
  }

  static MovieDetails movieDetails(JsonNode n) {
    var releases = new ArrayList<LocalDate>();
    for (JsonNode country : n.path("release_dates").path("results")) {
      for (JsonNode r : country.path("release_dates")) {
        LocalDate d = date(r, "release_date");
        if (d != null) {
          releases.add(d);
        }
      }
    }
    var directors = new ArrayList<String>();
    for (JsonNode crew : n.path("credits").path("crew")) {
      if ("Director".equals(crew.path("job").asText())) {
        directors.add(crew.path("name").asText());
      }
    }
    String imdb = text(n, "imdb_id");
    if (imdb == null) {
      imdb = text(n.path("external_ids"), "imdb_id");
    }
    return new MovieDetails(id(n), text(n, "title"), text(n, "original_title"),
        text(n, "original_language"), date(n, "release_date"), intOrNull(n.path("runtime")), imdb,
        n.path("popularity").asDouble(), genres(n), titles(n.path("alternative_titles").path("titles")),
        translated(n, "title"), releases, directors);
  }

  static TvDetails tvDetails(JsonNode n) {
    var seasons = new ArrayList<TvDetails.SeasonSummary>();
    for (JsonNode s : n.path("seasons")) {
      seasons.add(new TvDetails.SeasonSummary(s.path("season_number").asInt(), text(s, "name"),
          date(s, "air_date"), s.path("episode_count").asInt()));
    }
    var groups = new ArrayList<EpisodeGroupSummary>();
    for (JsonNode g : n.path("episode_groups").path("results")) {
      groups.add(groupSummary(g));
    }
    JsonNode ext = n.path("external_ids");
    return new TvDetails(id(n), text(n, "name"), text(n, "original_name"),
        text(n, "original_language"), date(n, "first_air_date"), n.path("popularity").asDouble(),
        genres(n), ints(n.path("episode_run_time")), seasons,
        titles(n.path("alternative_titles").path("results")), translated(n, "name"),
        text(ext, "imdb_id"), ext.path("tvdb_id").isNumber() ? ext.path("tvdb_id").asLong() : null,
        groups);
  }

  static Season season(JsonNode n, long showId) {
    var episodes = new ArrayList<Episode>();
    for (JsonNode e : n.path("episodes")) {
      episodes.add(episode(e, showId));
    }
    return new Season(n.path("id").asLong(), n.path("season_number").asInt(), text(n, "name"),
        date(n, "air_date"), episodes);
  }

  static Episode episode(JsonNode e, long showId) {
    long show = e.path("show_id").isNumber() ? e.path("show_id").asLong() : showId;
    return new Episode(id(e), show, e.path("season_number").asInt(), e.path("episode_number").asInt(),
        text(e, "name"), date(e, "air_date"), intOrNull(e.path("runtime")), e.path("order").asInt(-1));
  }

  static EpisodeGroupSummary groupSummary(JsonNode g) {
    return new EpisodeGroupSummary(g.path("id").asText(), text(g, "name"), g.path("type").asInt(),
        g.path("group_count").asInt(), g.path("episode_count").asInt());
  }

  static EpisodeGroup episodeGroup(JsonNode n) {
    var groups = new ArrayList<EpisodeGroup.Group>();
    for (JsonNode g : n.path("groups")) {
      var episodes = new ArrayList<Episode>();
      for (JsonNode e : g.path("episodes")) {
        episodes.add(episode(e, 0));
      }
      episodes.sort(java.util.Comparator.comparingInt(Episode::order));
      groups.add(new EpisodeGroup.Group(g.path("id").asText(), text(g, "name"), g.path("order").asInt(), episodes));
    }
    groups.sort(java.util.Comparator.comparingInt(EpisodeGroup.Group::order));
    return new EpisodeGroup(n.path("id").asText(), text(n, "name"), n.path("type").asInt(), groups);
  }

  static FindResult find(JsonNode n) {
    var movies = new ArrayList<MovieSummary>();
    n.path("movie_results").forEach(m -> movies.add(movie(m)));
    var shows = new ArrayList<TvSummary>();
    n.path("tv_results").forEach(t -> shows.add(tv(t)));
    var episodes = new ArrayList<Episode>();
    n.path("tv_episode_results").forEach(e -> episodes.add(episode(e, 0)));
    return new FindResult(movies, shows, episodes);
  }

  static TmdbConfiguration configuration(JsonNode n) {
    JsonNode images = n.path("images");
    return new TmdbConfiguration(text(images, "secure_base_url"), strings(images.path("poster_sizes")),
        strings(images.path("still_sizes")));
  }

  private static long id(JsonNode n) {
    JsonNode id = n.path("id");
    if (!id.canConvertToLong()) {
      throw malformed("result", "an item has no numeric 'id': " + abbreviate(n.toString()));
    }
    return id.asLong();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
  }

  private static Integer intOrNull(JsonNode v) {
    return v.isNumber() ? v.asInt() : null;
  }

  /** "2014-02-07", "2012-08-28T00:00:00.000Z" or "" (null). */
  private static LocalDate date(JsonNode n, String field) {
    String s = text(n, field);
    if (s == null || s.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(s.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<Integer> ints(JsonNode array) {
    var list = new ArrayList<Integer>();
    array.forEach(v -> { if (v.isNumber()) list.add(v.asInt()); });
    return list;
  }

  private static List<String> strings(JsonNode array) {
    var list = new ArrayList<String>();
    array.forEach(v -> { if (v.isTextual()) list.add(v.asText()); });
    return list;
  }

  private static List<Integer> genres(JsonNode n) {
    var ids = ints(n.path("genre_ids"));
    n.path("genres").forEach(g -> ids.add(g.path("id").asInt()));
    return ids;
  }

  private static List<String> titles(JsonNode array) {
    var set = new LinkedHashSet<String>();
    array.forEach(t -> { String s = text(t, "title"); if (s != null) set.add(s); });
    return List.copyOf(set);
  }

  private static List<String> translated(JsonNode n, String field) {
    var set = new LinkedHashSet<String>();
    n.path("translations").path("translations").forEach(t -> {
      String s = text(t.path("data"), field);
      if (s != null) set.add(s);
    });
    return List.copyOf(set);
  }

  static TmdbException malformed(String path, String what) {
    return new TmdbException(TmdbException.Kind.MALFORMED, 200,
        "TMDB answered " + path + " with unexpected JSON: " + what);
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
