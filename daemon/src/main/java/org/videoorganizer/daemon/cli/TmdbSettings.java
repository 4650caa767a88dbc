package org.videoorganizer.daemon.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.TmdbClientBuilder;

/**
 * How the commands reach TMDB: {@code VORG_TMDB_BASE_URL} (default {@code
 * https://api.themoviedb.org}) and {@code VORG_TMDB_API_KEY} or {@code VORG_TMDB_TOKEN} (the token
 * wins) from the environment, never from the command line.
 */
final class TmdbSettings {

  static final String NO_CREDENTIALS = "TMDB needs credentials: set VORG_TMDB_API_KEY or VORG_TMDB_TOKEN";

  private final Map<String, String> env;

  TmdbSettings(Map<String, String> env) {
    this.env = env;
  }

  /** Whether a key or a token is set. */
  boolean configured() {
    return !value("VORG_TMDB_API_KEY").isEmpty() || !value("VORG_TMDB_TOKEN").isEmpty();
  }

  /** A matcher and the client it asks. */
  record Tmdb(TmdbClient client, Matcher matcher) {}

  /**
   * A matcher on a client built from the environment.
   *
   * @param cacheDir folder for answers kept a week, or empty for memory only
   * @throws IllegalStateException when no credentials are set
   */
  Tmdb connect(double autoAccept, double requestsPerSecond, Optional<Path> cacheDir) {
    if (!configured()) {
      throw new IllegalStateException(NO_CREDENTIALS);
    }
    TmdbClientBuilder builder = TmdbClient.builder();
    String base = value("VORG_TMDB_BASE_URL");
    if (!base.isEmpty()) {
      builder.baseUrl(base);
    }
    String token = value("VORG_TMDB_TOKEN");
    if (!token.isEmpty()) {
      builder.bearerToken(token);
    } else {
      builder.apiKey(value("VORG_TMDB_API_KEY"));
    }
    builder.requestsPerSecond(requestsPerSecond);
    cacheDir.ifPresent(dir -> builder.diskCache(dir, Duration.ofDays(7)));
    TmdbClient client = builder.build();
    return new Tmdb(client, Matcher.builder(client).autoAccept(autoAccept).build());
  }

  private String value(String name) {
    return env.getOrDefault(name, "").strip();
  }
}
