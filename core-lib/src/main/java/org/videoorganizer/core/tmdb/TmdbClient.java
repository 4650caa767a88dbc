package org.videoorganizer.core.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A blocking TMDB v3 client, safe for many threads. Build one with {@link #builder()}; every
 * answer is cached (memory, then the optional disk folder) and every request goes through one
 * rate budget shared by all threads. Failures throw {@link TmdbException}; a film, show, season
 * or group that does not exist is an empty {@link Optional}.
 *
 * <pre>{@code
 * TmdbClient tmdb = TmdbClient.builder().apiKey(key).build();
 * SearchPage<MovieSummary> page = tmdb.searchMovies("RoboCop", 2014, null, 1);
 * }</pre>
 */
public final class TmdbClient {

  static final String MOVIE_APPEND = "alternative_titles,translations,external_ids,release_dates,credits";
  static final String TV_APPEND = "alternative_titles,translations,external_ids,episode_groups";

  /** Marks a request TMDB answered with 404, so it is not sent again while remembered. */
  private static final Object NOT_FOUND = new Object();

  private final Transport transport;
  private final Cache<String, Object> memory;
  private final DiskCache disk;
  private final String language;
  private final AtomicLong memoryHits = new AtomicLong();
  private final AtomicLong diskHits = new AtomicLong();

  TmdbClient(Transport transport, Cache<String, Object> memory, DiskCache disk, String language) {
    this.transport = transport;
    this.memory = memory;
    this.disk = disk;
    this.language = language;
  }

  /** A builder; an API key or a bearer token is required. */
  public static TmdbClientBuilder builder() {
    return new TmdbClientBuilder();
  }

  /**
   * Counters since this client was built.
   *
   * @param failedAnswers requests that got no 200 answer (another status, a timeout or a network
   *     error), counted per attempt, retried or not
   */
  public record Stats(long requestsSent, long memoryHits, long diskHits, long failedAnswers) {}

  public Stats stats() {
    return new Stats(transport.requestsSent(), memoryHits.get(), diskHits.get(), transport.failedAnswers());
  }

  /**
   * Films whose title, original or alternative title matches the query.
   *
   * @param year keeps films with any release in that year, or null
   * @param primaryReleaseYear keeps films whose primary release is in that year, or null
   */
  public SearchPage<MovieSummary> searchMovies(String query, Integer year, Integer primaryReleaseYear, int page) {
    var params = params("query", requireQuery(query), "page", page(page));
    put(params, "year", year);
    put(params, "primary_release_year", primaryReleaseYear);
    return cached("/search/movie", params, (root, path) -> Decoder.page(root, path, Decoder::movie));
  }

  /** Shows whose name matches; {@code firstAirDateYear} keeps shows first aired that year. */
  public SearchPage<TvSummary> searchTv(String query, Integer firstAirDateYear, int page) {
    var params = params("query", requireQuery(query), "page", page(page));
    put(params, "first_air_date_year", firstAirDateYear);
    return cached("/search/tv", params, (root, path) -> Decoder.page(root, path, Decoder::tv));
  }

  /** Films and shows together (people are left out); there is no year filter. */
  public SearchPage<SearchHit> searchMulti(String query, int page) {
    var params = params("query", requireQuery(query), "page", page(page));
    return cached("/search/multi", params, (root, path) -> Decoder.page(root, path, Decoder::multi));
  }

  /** A film with alternative titles, translations, external ids, release dates and credits. */
  public Optional<MovieDetails> movie(long id) {
    return optional(() -> cached("/movie/" + positive(id), params("append_to_response", MOVIE_APPEND),
        (root, path) -> Decoder.movieDetails(root)));
  }

  /** A show with seasons, alternative titles, translations, external ids and episode groups. */
  public Optional<TvDetails> tv(long id) {
    return optional(() -> cached("/tv/" + positive(id), params("append_to_response", TV_APPEND),
        (root, path) -> Decoder.tvDetails(root)));
  }

  /** One season with its episodes. */
  public Optional<Season> season(long tvId, int seasonNumber) {
    return optional(() -> cached("/tv/" + positive(tvId) + "/season/" + notNegative(seasonNumber),
        params(), (root, path) -> Decoder.season(root, tvId)));
  }

  /** One episode by its aired numbers. */
  public Optional<Episode> episode(long tvId, int seasonNumber, int episodeNumber) {
    return optional(() -> cached("/tv/" + positive(tvId) + "/season/" + notNegative(seasonNumber)
        + "/episode/" + notNegative(episodeNumber), params(), (root, path) -> Decoder.episode(root, tvId)));
  }

  /** The alternative orders of a show (absolute, DVD, ...). */
  public List<EpisodeGroupSummary> episodeGroups(long tvId) {
    return cached("/tv/" + positive(tvId) + "/episode_groups", params(),
        (root, path) -> Decoder.page(root, path, Decoder::groupSummary).results());
  }

  /** One alternative order with its episodes. */
  public Optional<EpisodeGroup> episodeGroup(String groupId) {
    if (groupId == null || !groupId.matches("[0-9a-zA-Z]+")) {
      throw new IllegalArgumentException("episode group id must be letters and digits, got " + groupId);
    }
    return optional(() -> cached("/tv/episode_group/" + groupId, params(),
        (root, path) -> Decoder.episodeGroup(root)));
  }

  /** Films, shows and episodes carrying an external id (IMDb tt..., TVDB number). */
  public FindResult find(String externalId, ExternalSource source) {
    if (externalId == null || !externalId.matches("[0-9a-zA-Z_-]+")) {
      throw new IllegalArgumentException("external id must be letters, digits, '-' or '_', got " + externalId);
    }
    return cached("/find/" + externalId, params("external_source", source.parameter()),
        (root, path) -> Decoder.find(root));
  }

  /** Image base URL and sizes. */
  public TmdbConfiguration configuration() {
    return cached("/configuration", params(), (root, path) -> Decoder.configuration(root));
  }

  private interface Decode<T> {
    T apply(JsonNode root, String path);
  }

  private <T> T cached(String path, Map<String, String> params, Decode<T> decode) {
    if (language != null) {
      params.put("language", language);
    }
    String key = Transport.key(path, params);
    Object hit = memory.getIfPresent(key);
    if (hit == NOT_FOUND) {
      memoryHits.incrementAndGet();
      throw new TmdbException(TmdbException.Kind.NOT_FOUND, 404, "TMDB has no such resource (404, remembered): /3" + key);
    }
    if (hit != null) {
      memoryHits.incrementAndGet();
      @SuppressWarnings("unchecked")
      T value = (T) hit;
      return value;
    }
    String body = disk == null ? null : disk.read(key).orElse(null);
    boolean fromDisk = body != null;
    if (fromDisk) {
      diskHits.incrementAndGet();
    } else {
      try {
        body = transport.get(key);
      } catch (TmdbException e) {
        if (e.kind() == TmdbException.Kind.NOT_FOUND) {
          memory.put(key, NOT_FOUND); // unknown ids and seasons are asked about again and again
        }
        throw e;
      }
    }
    T value = decode(body, "/3" + key, decode);
    if (!fromDisk && disk != null) {
      disk.write(key, body);
    }
    memory.put(key, value);
    return value;
  }

  private static <T> T decode(String body, String path, Decode<T> decode) {
    JsonNode root = Decoder.tree(body, path);
    try {
      return decode.apply(root, path);
    } catch (TmdbException e) {
      throw e.kind() == TmdbException.Kind.MALFORMED
          ? new TmdbException(e.kind(), 200, e.getMessage() + " (" + path + ")", e) : e;
    } catch (RuntimeException e) {
      throw new TmdbException(TmdbException.Kind.MALFORMED, 200,
          "TMDB answered " + path + " with unexpected JSON: " + e, e);
    }
  }

  private static <T> Optional<T> optional(java.util.function.Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (TmdbException e) {
      if (e.kind() == TmdbException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Map<String, String> params(Object... pairs) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], String.valueOf(pairs[i + 1]));
    }
    return map;
  }

  private static void put(Map<String, String> params, String name, Integer value) {
    if (value != null) {
      if (value < 1000 || value > 9999) {
        throw new IllegalArgumentException(name + " must have four digits (1000..9999), got " + value);
      }
      params.put(name, value.toString());
    }
  }

  private static String requireQuery(String query) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("search query must not be blank, got '" + query + "'");
    }
    return java.text.Normalizer.normalize(query.strip(), java.text.Normalizer.Form.NFC);
  }

  private static int page(int page) {
    if (page < 1 || page > 500) {
      throw new IllegalArgumentException("page must be between 1 and 500 (TMDB's limit), got " + page);
    }
    return page;
  }

  private static long positive(long id) {
    if (id < 1) {
      throw new IllegalArgumentException("TMDB id must be positive, got " + id);
    }
    return id;
  }

  private static int notNegative(int number) {
    if (number < 0) {
      throw new IllegalArgumentException("season and episode numbers must not be negative, got " + number);
    }
    return number;
  }

}
