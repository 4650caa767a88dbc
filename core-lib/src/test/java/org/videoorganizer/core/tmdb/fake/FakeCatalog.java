package org.videoorganizer.core.tmdb.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The films and shows the fake TMDB knows, read from {@code tmdb-fake/*.json} on the class
 * path (see SOURCES.md there). Episodes are generated from each season's first air date, count
 * and spacing in days (0: all on one day, 1: daily Monday to Thursday).
 */
public final class FakeCatalog {

  /** A film. {@code releaseYears} are extra releases (re-releases) besides the primary date. */
  public record Movie(long id, String title, String originalTitle, String language, LocalDate date,
      double popularity, Integer runtime, String imdbId, List<String> altTitles,
      List<Integer> releaseYears, List<Integer> genres) {
    List<String> names() {
      var names = new ArrayList<String>(List.of(title, originalTitle));
      names.addAll(altTitles);
      return names;
    }
  }

  /** A show with generated seasons. */
  public record Show(long id, String name, String originalName, String language, LocalDate date,
      double popularity, List<String> countries, List<String> altTitles, List<Integer> genres,
      String imdbId, Long tvdbId, boolean daily, boolean absolute, List<Season> seasons) {
    List<String> names() {
      var names = new ArrayList<String>(List.of(name, originalName));
      names.addAll(altTitles);
      return names;
    }

    public Optional<Season> season(int number) {
      return seasons.stream().filter(s -> s.number() == number).findFirst();
    }

    /** The absolute-order group id of this show (type 2), when it has one. */
    public String absoluteGroupId() {
      return "5f0abs" + Long.toHexString(id);
    }
  }

  /** A season; episode numbers start at 1. */
  public record Season(int number, LocalDate airDate, List<Ep> episodes) {}

  /** An episode. */
  public record Ep(long id, int season, int number, String name, LocalDate airDate, int runtime) {}

  private final Map<Long, Movie> movies = new LinkedHashMap<>();
  private final Map<Long, Show> shows = new LinkedHashMap<>();

  private FakeCatalog() {}

  /** The committed catalog: hard cases plus the vega-datasets and bangumi-data derived set. */
  public static FakeCatalog standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final FakeCatalog STANDARD = load("hard-cases.json", "catalog.json");
  }

  /** Reads the given files under {@code tmdb-fake/}; an id seen twice keeps its first record. */
  public static FakeCatalog load(String... files) {
    var catalog = new FakeCatalog();
    var json = new ObjectMapper();
    for (String file : files) {
      try (InputStream in = FakeCatalog.class.getResourceAsStream("/tmdb-fake/" + file)) {
        if (in == null) {
          throw new IllegalArgumentException("fake TMDB catalog file not on the class path: tmdb-fake/" + file);
        }
        JsonNode root = json.readTree(in);
        root.path("movies").forEach(m -> catalog.movies.putIfAbsent(m.path("id").asLong(), movie(m)));
        root.path("tv").forEach(t -> catalog.shows.putIfAbsent(t.path("id").asLong(), show(t)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read fake TMDB catalog tmdb-fake/" + file, e);
      }
    }
    return catalog;
  }

  public Optional<Movie> movie(long id) {
    return Optional.ofNullable(movies.get(id));
  }

  public Optional<Show> show(long id) {
    return Optional.ofNullable(shows.get(id));
  }

  public List<Movie> movies() {
    return List.copyOf(movies.values());
  }

  public List<Show> shows() {
    return List.copyOf(shows.values());
  }

  private static Movie movie(JsonNode m) {
    String title = m.path("title").asText();
    return new Movie(m.path("id").asLong(), title, m.path("original_title").asText(title),
        m.path("lang").asText("en"), LocalDate.parse(m.path("date").asText()), m.path("pop").asDouble(),
        m.hasNonNull("runtime") ? m.path("runtime").asInt() : null, m.path("imdb").asText(null),
        strings(m.path("alt")), ints(m.path("rel")), ints(m.path("genres")));
  }

  private static Show show(JsonNode t) {
    long id = t.path("id").asLong();
    String name = t.path("name").asText();
    boolean daily = t.path("daily").asBoolean();
    var seasons = new ArrayList<Season>();
    for (JsonNode s : t.path("seasons")) {
      seasons.add(season(id, s.get(0).asInt(), LocalDate.parse(s.get(1).asText()), s.get(2).asInt(),
          s.get(3).asInt()));
    }
    return new Show(id, name, t.path("original_name").asText(name), t.path("lang").asText("en"),
        LocalDate.parse(t.path("date").asText()), t.path("pop").asDouble(), strings(t.path("country")),
        strings(t.path("alt")), ints(t.path("genres")), t.path("imdb").asText(null),
        t.hasNonNull("tvdb") ? t.path("tvdb").asLong() : null, daily, t.path("absolute").asBoolean(),
        seasons);
  }

  private static Season season(long show, int number, LocalDate start, int count, int everyDays) {
    var episodes = new ArrayList<Ep>();
    LocalDate date = start;
    for (int e = 1; e <= count; e++) {
      String name = number == 0 ? "Special " + e : "Episode " + e;
      episodes.add(new Ep(show * 10_000 + number * 1_000L + e, number, e, name, date, everyDays == 1 ? 22 : 45));
      date = next(date, everyDays);
    }
    return new Season(number, start, List.copyOf(episodes));
  }

  private static LocalDate next(LocalDate date, int everyDays) {
    if (everyDays != 1) {
      return date.plusDays(everyDays);
    }
    LocalDate d = date.plusDays(1);
    while (d.getDayOfWeek().compareTo(DayOfWeek.THURSDAY) > 0) {
      d = d.plusDays(1);
    }
    return d;
  }

  private static List<String> strings(JsonNode array) {
    var list = new ArrayList<String>();
    array.forEach(v -> list.add(v.asText()));
    return List.copyOf(list);
  }

  private static List<Integer> ints(JsonNode array) {
    var list = new ArrayList<Integer>();
    array.forEach(v -> list.add(v.asInt()));
    return List.copyOf(list);
  }
}
