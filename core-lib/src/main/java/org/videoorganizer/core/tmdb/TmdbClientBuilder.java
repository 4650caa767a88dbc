package org.videoorganizer.core.tmdb;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Configures a {@link TmdbClient}; every setting is checked when it is set. */
public final class TmdbClientBuilder {

  /** TMDB's public address. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.themoviedb.org");

  private URI baseUrl = DEFAULT_BASE_URL;
  private String apiKey;
  private String bearerToken;
  private double requestsPerSecond = 40;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout = Duration.ofSeconds(20);
  private int serverRetries = 3;
  private int rateLimitRetries = 6;
  private Duration backoff = Duration.ofMillis(500);
  private Duration maxWait = Duration.ofSeconds(30);
  private long memoryEntries = 50_000;
  private Duration memoryTtl = Duration.ofHours(6);
  private Path diskCache;
  private Duration diskTtl = Duration.ofDays(7);
  private String language;
  private Clock clock = Clock.systemUTC();

  TmdbClientBuilder() {}

  /** Where TMDB answers; the client adds {@code /3}. Default {@code https://api.themoviedb.org}. */
  public TmdbClientBuilder baseUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("TMDB base URL must be an http(s) URL, got " + url, e);
    }
    if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
      throw new IllegalArgumentException("TMDB base URL must be an http(s) URL, got " + url);
    }
    this.baseUrl = uri;
    return this;
  }

  /** A v3 API key, sent as the {@code api_key} parameter. */
  public TmdbClientBuilder apiKey(String key) {
    this.apiKey = secret("API key", key);
    return this;
  }

  /** A v4 read access token, sent as {@code Authorization: Bearer}. */
  public TmdbClientBuilder bearerToken(String token) {
    this.bearerToken = secret("bearer token", token);
    return this;
  }

  /** Requests per second shared by all threads; default 40. */
  public TmdbClientBuilder requestsPerSecond(double perSecond) {
    new RateBudget(perSecond); // validates
    this.requestsPerSecond = perSecond;
    return this;
  }

  /** Connection and whole-request timeouts; defaults 10 s and 20 s. */
  public TmdbClientBuilder timeouts(Duration connect, Duration request) {
    this.connectTimeout = positive("connect timeout", connect);
    this.requestTimeout = positive("request timeout", request);
    return this;
  }

  /**
   * Retries: {@code serverRetries} for 5xx, timeouts and network errors, {@code rateLimitRetries}
   * for 429; {@code backoff} doubles per attempt when no Retry-After is given, capped by {@code
   * maxWait} (which also caps Retry-After). Defaults 3, 6, 500 ms, 30 s.
   */
  public TmdbClientBuilder retries(int serverRetries, int rateLimitRetries, Duration backoff, Duration maxWait) {
    if (serverRetries < 0 || rateLimitRetries < 0) {
      throw new IllegalArgumentException("retry counts must not be negative, got "
          + serverRetries + " and " + rateLimitRetries);
    }
    this.serverRetries = serverRetries;
    this.rateLimitRetries = rateLimitRetries;
    this.backoff = positive("backoff", backoff);
    this.maxWait = positive("max wait", maxWait);
    return this;
  }

  /** The in-memory cache: entries and time to live; defaults 50,000 and 6 hours. */
  public TmdbClientBuilder memoryCache(long maxEntries, Duration ttl) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("memory cache size must not be negative, got " + maxEntries);
    }
    this.memoryEntries = maxEntries;
    this.memoryTtl = positive("memory cache ttl", ttl);
    return this;
  }

  /** Keep answers in this folder for {@code ttl} (TMDB allows up to 6 months); off by default. */
  public TmdbClientBuilder diskCache(Path folder, Duration ttl) {
    if (folder == null) {
      throw new IllegalArgumentException("disk cache folder must not be null");
    }
    this.diskCache = folder;
    this.diskTtl = positive("disk cache ttl", ttl);
    return this;
  }

  /** The {@code language} parameter (e.g. {@code de-DE}); TMDB's default en-US when unset. */
  public TmdbClientBuilder language(String tag) {
    if (tag == null || !tag.matches("[a-z]{2}(-[A-Z]{2})?")) {
      throw new IllegalArgumentException("language must look like 'en' or 'en-US', got " + tag);
    }
    this.language = tag;
    return this;
  }

  /** The clock for disk cache expiry (tests). */
  public TmdbClientBuilder clock(Clock clock) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    return this;
  }

  public TmdbClient build() {
    if (apiKey == null && bearerToken == null) {
      throw new IllegalStateException("TMDB needs credentials: set an API key or a bearer token");
    }
    if (apiKey != null && bearerToken != null) {
      throw new IllegalStateException("TMDB credentials: set an API key or a bearer token, not both");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    var transport = new Transport(http, baseUrl, apiKey, bearerToken, new RateBudget(requestsPerSecond),
        new Transport.Retries(serverRetries, rateLimitRetries, backoff, maxWait), requestTimeout);
    var memory = Caffeine.newBuilder().maximumSize(memoryEntries).expireAfterWrite(memoryTtl)
        .<String, Object>build();
    var disk = diskCache == null ? null : new DiskCache(diskCache, diskTtl, clock);
    return new TmdbClient(transport, memory, disk, language);
  }

  private static String secret(String what, String value) {
    if (value == null || value.isBlank() || value.strip().contains(" ")) {
      throw new IllegalArgumentException("TMDB " + what + " must be a non-blank word, got "
          + (value == null ? "null" : "'" + value.length() + " characters'"));
    }
    return value.strip();
  }

  private static Duration positive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    return d;
  }
}
