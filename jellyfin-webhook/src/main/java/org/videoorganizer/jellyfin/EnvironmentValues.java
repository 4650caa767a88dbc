package org.videoorganizer.jellyfin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads settings from {@code VORG_*} variables; every error names the variable and the value. */
final class EnvironmentValues {

  // Matches "500ms", "2s", "3m", "1h"; not "2 s", "-1s", "1d".
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private final Map<String, String> env;

  EnvironmentValues(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  Optional<String> text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** A secret from {@code NAME} or from the file named by {@code NAME_FILE}; never both. */
  Optional<String> secret(String name) {
    Optional<String> direct = text(name);
    Optional<String> file = text(name + "_FILE");
    if (direct.isPresent() && file.isPresent()) {
      throw new IllegalArgumentException("set either " + name + " or " + name + "_FILE, not both");
    }
    return direct.isPresent() ? direct : file.map(f -> readSecretFile(name + "_FILE", Path.of(f)));
  }

  Optional<Duration> duration(String name) {
    return text(name).map(value -> parseDuration(name, value));
  }

  static Duration parseDuration(String name, String value) {
    Matcher m = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be a duration like 500ms, 2s, 3m, 1h or PT2S, got: '" + value + "'", e);
    }
  }

  private static String readSecretFile(String name, Path file) {
    try {
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        throw new IllegalArgumentException(name + " names an empty file: " + file);
      }
      return secret;
    } catch (IOException e) {
      throw new IllegalArgumentException(name + " names a file that cannot be read: " + file + " (" + e + ")", e);
    }
  }
}
