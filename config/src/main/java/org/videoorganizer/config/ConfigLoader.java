package org.videoorganizer.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.videoorganizer.config.VorgConfig.TmdbConfig;

/**
 * The entry point: reads one YAML file, applies {@code VORG_*} environment overrides, reads
 * secrets from the environment or files, and validates everything once.
 *
 * <pre>{@code
 * VorgConfig config = ConfigLoader.load(Optional.of(Path.of("vorg.yaml")), System.getenv());
 * }</pre>
 */
public final class ConfigLoader {

  private static final String TMDB_VARIABLES = "VORG_TMDB_";
  private static final String ANALYSIS_VARIABLES = "VORG_ANALYSIS_";

  private ConfigLoader() {}

  /**
   * Loads and validates the configuration.
   *
   * @param file the YAML file; empty to use defaults and the environment only
   * @param env the environment ({@code System.getenv()} in production)
   * @throws ConfigException naming the key, the value and what is expected
   */
  public static VorgConfig load(Optional<Path> file, Map<String, String> env) {
    ObjectNode tree = file.map(YamlFile::read).orElseGet(YamlFile::empty);
    EnvOverrides.apply(tree, env);
    Secrets secrets = new Secrets(env);
    VorgConfig config = new Binder(new Node("", tree), new Paths(env), secrets).bind();
    Validator.check(config);
    return config;
  }

  /**
   * The TMDB part alone, read exactly as {@link #load} reads it (the {@code tmdb} section of the
   * file, then {@code VORG_TMDB_*} variables, secrets from the environment or owner-only
   * {@code _FILE}s), for the commands that need nothing else: {@code vorg organize} and
   * {@code vorg match}. Other {@code VORG_*} variables are not looked at.
   *
   * @param file the YAML file; empty to use defaults and the environment only
   * @throws ConfigException naming the key, the value and what is expected
   */
  public static TmdbConfig tmdb(Optional<Path> file, Map<String, String> env) {
    ObjectNode tree = file.map(YamlFile::read).orElseGet(YamlFile::empty);
    Map<String, String> tmdbEnv = env.entrySet().stream().filter(e -> e.getKey().startsWith(TMDB_VARIABLES))
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    EnvOverrides.apply(tree, tmdbEnv);
    return new Binder(new Node("", tree), new Paths(env), new Secrets(tmdbEnv)).tmdbOnly();
  }

  /**
   * The {@code analysis} part alone, read exactly as {@link #load} reads it (the section of the
   * file, then {@code VORG_ANALYSIS_*} variables, the key from {@code VORG_ANALYSIS_API_KEY} or an
   * owner-only {@code _FILE}), for {@code vorg analyze}. Other {@code VORG_*} variables are not
   * looked at.
   *
   * @param file the YAML file; empty to use defaults and the environment only
   * @throws ConfigException naming the key, the value and what is expected
   */
  public static VorgConfig.AnalysisConfig analysis(Optional<Path> file, Map<String, String> env) {
    ObjectNode tree = file.map(YamlFile::read).orElseGet(YamlFile::empty);
    Map<String, String> analysisEnv = env.entrySet().stream().filter(e -> e.getKey().startsWith(ANALYSIS_VARIABLES))
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    EnvOverrides.apply(tree, analysisEnv);
    return new Binder(new Node("", tree), new Paths(env), new Secrets(analysisEnv)).analysisOnly();
  }

  /**
   * The daemon's API token as {@link #load} reads it ({@code VORG_HTTP_TOKEN} or an owner-only
   * {@code VORG_HTTP_TOKEN_FILE}), for commands that talk to a running daemon.
   *
   * @throws ConfigException naming the variable when both are set or the file is not owner-only
   */
  public static Optional<Secret> httpToken(Map<String, String> env) {
    return new Secrets(env).get("VORG_HTTP_TOKEN");
  }

  /** Keys a file may hold, for documentation and tests; secrets are not among them. */
  static Iterable<String> knownKeys() {
    return Keys.SCALARS.keySet();
  }
}
