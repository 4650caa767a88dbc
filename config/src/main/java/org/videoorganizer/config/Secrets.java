package org.videoorganizer.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Secrets from {@code NAME} or from the file named by {@code NAME_FILE} (first line, trimmed).
 * A secret file readable by group or others is refused.
 */
final class Secrets {

  private final Map<String, String> env;

  Secrets(Map<String, String> env) {
    this.env = env;
  }

  Optional<Secret> get(String name) {
    String direct = env.get(name);
    String file = env.get(name + "_FILE");
    if (direct != null && file != null) {
      throw new ConfigException(name, "(both set)", "either " + name + " or " + name + "_FILE, not both");
    }
    if (direct != null) {
      return nonBlank(name, direct);
    }
    return file == null ? Optional.empty() : nonBlank(name + "_FILE", readFile(name + "_FILE", Path.of(file)));
  }

  private static Optional<Secret> nonBlank(String name, String value) {
    if (value.isBlank()) {
      throw new ConfigException(name, "(blank)", "a non-blank secret, or the variable unset");
    }
    return Optional.of(new Secret(value.strip()));
  }

  private static String readFile(String name, Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
        throw new ConfigException(name, file + " (" + PosixFilePermissions.toString(perms) + ", open to group or others)",
            "a file only its owner can read or write: chmod 600 " + file);
      }
      String text = Files.readString(file);
      int end = text.indexOf('\n');
      return end < 0 ? text : text.substring(0, end);
    } catch (IOException e) {
      throw new ConfigException(name, file, "a readable file holding the secret (" + e.getClass().getSimpleName() + ")");
    } catch (UnsupportedOperationException e) {
      throw new ConfigException(name, file, "a file on a POSIX file system");
    }
  }
}
