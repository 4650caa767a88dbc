package org.videoorganizer.daemon.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.videoorganizer.config.ConfigException;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.config.VorgConfig.TmdbConfig;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.daemon.identify.TmdbClients;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The TMDB options shared by the commands that match ({@code vorg match}, {@code vorg organize}).
 * TMDB settings are read as the daemon reads them: the {@code tmdb} section of {@code --config},
 * then {@code VORG_TMDB_*} variables, secrets from the environment or owner-only {@code _FILE}s;
 * an option given here wins over both.
 */
final class TmdbOptions {

  static final String NO_CREDENTIALS = "TMDB needs credentials: set VORG_TMDB_API_KEY or VORG_TMDB_TOKEN "
      + "(or VORG_TMDB_API_KEY_FILE / VORG_TMDB_TOKEN_FILE naming a file only you can read)";

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "The daemon's YAML configuration; its tmdb section is used. VORG_TMDB_* variables override it.")
  Path config;

  @Option(names = "--auto-accept", paramLabel = "0..1",
      description = "TMDB confidence from which a match is taken without review (default: tmdb.min_confidence, 0.8).")
  Double autoAccept;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Keep TMDB answers in this folder for a week, so a second run asks almost nothing.")
  Path cacheDir;

  @Option(names = "--requests-per-second", paramLabel = "N", defaultValue = "40",
      description = "TMDB request budget (default ${DEFAULT-VALUE}).")
  double requestsPerSecond;

  /** A matcher and the client it asks. */
  record Tmdb(TmdbClient client, Matcher matcher) {}

  /** Throws a usage mistake naming the option and the value when one is out of range. */
  void check(CommandSpec spec) {
    if (autoAccept != null && !(autoAccept >= 0 && autoAccept <= 1)) {
      throw new ParameterException(spec.commandLine(), "--auto-accept must be between 0 and 1, got " + autoAccept);
    }
    if (!(requestsPerSecond > 0 && requestsPerSecond <= 10_000)) {
      throw new ParameterException(spec.commandLine(),
          "--requests-per-second must be above 0 and at most 10000, got " + requestsPerSecond);
    }
  }

  /** The TMDB settings from {@code --config} and the environment; a mistake in them is a usage mistake. */
  TmdbConfig settings(CommandSpec spec, Map<String, String> env) {
    try {
      return ConfigLoader.tmdb(Optional.ofNullable(config), env);
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), "configuration: " + e.getMessage(), e);
    }
  }

  /**
   * A matcher on the one TMDB client of {@link TmdbClients}, with these options.
   *
   * @throws IllegalStateException when no credentials are configured
   */
  Tmdb connect(TmdbConfig settings) {
    TmdbClient client = TmdbClients.build(settings, new TmdbClients.Tuning(requestsPerSecond, Optional.ofNullable(cacheDir)))
        .orElseThrow(() -> new IllegalStateException(NO_CREDENTIALS));
    double threshold = autoAccept != null ? autoAccept : settings.minConfidence();
    return new Tmdb(client, Matcher.builder(client).autoAccept(threshold).build());
  }
}
