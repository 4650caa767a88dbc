package org.videoorganizer.daemon.identify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.videoorganizer.config.VorgConfig.TmdbConfig;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.TmdbClientBuilder;

/**
 * The one place a TMDB client is built from the configuration: for the daemon, {@code vorg
 * organize} and {@code vorg match}. It asks {@code tmdb.base_url} in {@code tmdb.language}; with
 * both an API key and a read access token configured, the API key is used.
 */
public final class TmdbClients {

  /** How long {@code --cache-dir} keeps an answer. */
  static final Duration DISK_CACHE_TTL = Duration.ofDays(7);

  /**
   * What a one-shot command may set on its command line; the daemon uses {@link #DEFAULT}.
   *
   * @param requestsPerSecond the request budget
   * @param cacheDir a folder that keeps answers for a week, or empty for memory only
   */
  public record Tuning(double requestsPerSecond, Optional<Path> cacheDir) {

    /** 40 requests a second (TMDB's documented ceiling is about 50), memory cache only. */
    public static final Tuning DEFAULT = new Tuning(40, Optional.empty());
  }

  private TmdbClients() {}

  /** The client for a configuration with the default tuning; empty without a key or token. */
  public static Optional<TmdbClient> build(TmdbConfig config) {
    return build(config, Tuning.DEFAULT);
  }

  /** The client for a configuration; empty without a key or token. */
  public static Optional<TmdbClient> build(TmdbConfig config, Tuning tuning) {
    if (!config.hasCredentials()) {
      return Optional.empty();
    }
    TmdbClientBuilder builder = TmdbClient.builder().baseUrl(config.baseUrl()).language(config.language())
        .requestsPerSecond(tuning.requestsPerSecond());
    config.apiKey().ifPresentOrElse(k -> builder.apiKey(k.reveal()), () -> builder.bearerToken(config.token().get().reveal()));
    tuning.cacheDir().ifPresent(dir -> builder.diskCache(dir, DISK_CACHE_TTL));
    return Optional.of(builder.build());
  }
}
