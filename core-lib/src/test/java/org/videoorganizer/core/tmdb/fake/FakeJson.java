package org.videoorganizer.core.tmdb.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Catalog records in TMDB's answer shapes (field names as in the reference notes, section 1). */
final class FakeJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private FakeJson() {}

  static ObjectNode page(List<ObjectNode> all, int page) {
    ObjectNode root = JSON.createObjectNode();
    root.put("page", page);
    ArrayNode results = root.putArray("results");
    all.stream().skip((page - 1L) * 20).limit(20).forEach(results::add);
    root.put("total_pages", Math.max(1, (all.size() + 19) / 20));
    root.put("total_results", all.size());
    return root;
  }

  static ObjectNode movieSummary(FakeCatalog.Movie m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("adult", false).putNull("backdrop_path");
    ArrayNode genres = n.putArray("genre_ids");
    m.genres().forEach(genres::add);
    n.put("id", m.id()).put("original_language", m.language()).put("original_title", m.originalTitle())
        .put("overview", "").put("popularity", m.popularity()).putNull("poster_path")
        .put("release_date", m.date().toString()).put("title", m.title()).put("video", false)
        .put("vote_average", 0.0).put("vote_count", 0).put("softcore", false);
    return n;
  }

  static ObjectNode tvSummary(FakeCatalog.Show s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("adult", false).putNull("backdrop_path");
    ArrayNode genres = n.putArray("genre_ids");
    s.genres().forEach(genres::add);
    n.put("id", s.id());
    ArrayNode countries = n.putArray("origin_country");
    s.countries().forEach(countries::add);
    n.put("original_language", s.language()).put("original_name", s.originalName()).put("overview", "")
        .put("popularity", s.popularity()).putNull("poster_path")
        .put("first_air_date", s.date().toString()).put("name", s.name())
        .put("vote_average", 0.0).put("vote_count", 0).put("softcore", false);
    return n;
  }

  static ObjectNode movieDetails(FakeCatalog.Movie m, Set<String> append) {
    ObjectNode n = movieSummary(m);
    n.remove("genre_ids");
    ArrayNode genres = n.putArray("genres");
    m.genres().forEach(g -> genres.addObject().put("id", g).put("name", "Genre " + g));
    n.putNull("belongs_to_collection");
    n.put("imdb_id", m.imdbId()).put("runtime", m.runtime()).put("status", "Released");
    if (append.contains("alternative_titles")) {
      ArrayNode titles = n.putObject("alternative_titles").putArray("titles");
      m.altTitles().forEach(t -> titles.addObject().put("iso_3166_1", "US").put("title", t).put("type", ""));
    }
    if (append.contains("translations")) {
      n.putObject("translations").putArray("translations").addObject().put("iso_3166_1", "US")
          .put("iso_639_1", "en").put("name", "English").put("english_name", "English")
          .putObject("data").put("title", m.title()).put("overview", "").put("runtime", m.runtime());
    }
    if (append.contains("release_dates")) {
      ArrayNode dates = n.putObject("release_dates").putArray("results").addObject()
          .put("iso_3166_1", "US").putArray("release_dates");
      dates.addObject().put("certification", "").put("release_date", m.date() + "T00:00:00.000Z").put("type", 3);
      m.releaseYears().forEach(y -> dates.addObject().put("certification", "")
          .put("release_date", y + "-06-01T00:00:00.000Z").put("type", 5));
    }
    if (append.contains("external_ids")) {
      n.putObject("external_ids").put("imdb_id", m.imdbId()).putNull("wikidata_id");
    }
    if (append.contains("credits")) {
      ObjectNode credits = n.putObject("credits");
      credits.putArray("cast");
      credits.putArray("crew");
    }
    return n;
  }

  static ObjectNode tvDetails(FakeCatalog.Show s, Set<String> append) {
    ObjectNode n = tvSummary(s);
    n.putArray("episode_run_time").add(s.daily() ? 22 : 45);
    ArrayNode seasons = n.putArray("seasons");
    for (var season : s.seasons()) {
      seasons.addObject().put("air_date", season.airDate().toString())
          .put("episode_count", season.episodes().size()).put("id", s.id() * 100 + season.number())
          .put("name", season.number() == 0 ? "Specials" : "Season " + season.number())
          .put("season_number", season.number());
    }
    n.put("number_of_seasons", s.seasons().stream().filter(x -> x.number() > 0).count());
    n.put("type", s.daily() ? "Talk Show" : "Scripted");
    if (append.contains("alternative_titles")) {
      ArrayNode titles = n.putObject("alternative_titles").putArray("results");
      s.altTitles().forEach(t -> titles.addObject().put("iso_3166_1", "US").put("title", t).put("type", ""));
    }
    if (append.contains("translations")) {
      n.putObject("translations").putArray("translations");
    }
    if (append.contains("external_ids")) {
      ObjectNode ext = n.putObject("external_ids").put("imdb_id", s.imdbId());
      if (s.tvdbId() != null) {
        ext.put("tvdb_id", s.tvdbId());
      } else {
        ext.putNull("tvdb_id");
      }
    }
    if (append.contains("episode_groups")) {
      n.set("episode_groups", episodeGroups(s));
    }
    return n;
  }

  static ObjectNode episodeGroups(FakeCatalog.Show s) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode results = root.putArray("results");
    if (s.absolute()) {
      var aired = s.seasons().stream().filter(x -> x.number() > 0).toList();
      results.addObject().put("description", "").put("episode_count",
              aired.stream().mapToInt(x -> x.episodes().size()).sum())
          .put("group_count", aired.size()).put("id", s.absoluteGroupId()).put("name", "Absolute Order")
          .putNull("network").put("type", 2);
    }
    root.put("id", s.id());
    return root;
  }

  static ObjectNode episodeGroup(FakeCatalog.Show s) {
    ObjectNode root = episodeGroups(s).withArray("results").<ObjectNode>get(0).deepCopy();
    ArrayNode groups = root.putArray("groups");
    for (var season : s.seasons()) {
      if (season.number() == 0) {
        continue;
      }
      ObjectNode g = groups.addObject().put("id", "g" + s.id() + "x" + season.number())
          .put("name", "Arc " + season.number()).put("order", season.number()).put("locked", true);
      ArrayNode eps = g.putArray("episodes");
      int order = 0;
      for (var e : season.episodes()) {
        eps.add(episode(s, e).put("order", order++));
      }
    }
    return root;
  }

  static ObjectNode season(FakeCatalog.Show s, FakeCatalog.Season season) {
    ObjectNode n = JSON.createObjectNode();
    n.put("_id", "5a" + s.id() + "s" + season.number()).put("air_date", date(season.airDate()))
        .put("id", s.id() * 100 + season.number())
        .put("name", season.number() == 0 ? "Specials" : "Season " + season.number())
        .put("overview", "").putNull("poster_path").put("season_number", season.number());
    ArrayNode eps = n.putArray("episodes");
    season.episodes().forEach(e -> eps.add(episode(s, e)));
    return n;
  }

  static ObjectNode episode(FakeCatalog.Show s, FakeCatalog.Ep e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("air_date", date(e.airDate())).put("episode_number", e.number()).put("episode_type", "standard")
        .put("id", e.id()).put("name", e.name()).put("overview", "").put("production_code", "")
        .put("runtime", e.runtime()).put("season_number", e.season()).put("show_id", s.id())
        .putNull("still_path").put("vote_average", 0.0).put("vote_count", 0);
    return n;
  }

  static ObjectNode error(int code, String message) {
    return JSON.createObjectNode().put("success", false).put("status_code", code).put("status_message", message);
  }

  private static String date(LocalDate d) {
    return d == null ? "" : d.toString();
  }
}
