package org.videoorganizer.daemon.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The TMDB options shared by the commands that match ({@code vorg match}, {@code vorg organize}). */
final class TmdbOptions {

  @Option(names = "--auto-accept", paramLabel = "0..1", defaultValue = "0.85",
      description = "TMDB confidence from which a match is taken without review (default ${DEFAULT-VALUE}).")
  double autoAccept;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Keep TMDB answers in this folder for a week, so a second run asks almost nothing.")
  Path cacheDir;

  @Option(names = "--requests-per-second", paramLabel = "N", defaultValue = "40",
      description = "TMDB request budget (default ${DEFAULT-VALUE}).")
  double requestsPerSecond;

  /** Throws a usage mistake naming the option and the value when one is out of range. */
  void check(CommandSpec spec) {
    if (!(autoAccept >= 0 && autoAccept <= 1)) {
      throw new ParameterException(spec.commandLine(), "--auto-accept must be between 0 and 1, got " + autoAccept);
    }
    if (!(requestsPerSecond > 0 && requestsPerSecond <= 10_000)) {
      throw new ParameterException(spec.commandLine(),
          "--requests-per-second must be above 0 and at most 10000, got " + requestsPerSecond);
    }
  }

  /** A matcher and its client, from the environment's credentials and these options. */
  TmdbSettings.Tmdb connect(TmdbSettings settings) {
    return settings.connect(autoAccept, requestsPerSecond, Optional.ofNullable(cacheDir));
  }
}
