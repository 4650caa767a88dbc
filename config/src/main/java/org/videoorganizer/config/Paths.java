package org.videoorganizer.config;

import java.nio.file.Path;
import java.util.Map;

/** Turns configured path text into an absolute, normalized path; {@code ~} is the home folder. */
final class Paths {

  private final String home;

  Paths(Map<String, String> env) {
    this.home = env.getOrDefault("HOME", System.getProperty("user.home"));
  }

  Path resolve(Node node) {
    String text = node.requiredText("an absolute path or one starting with ~/");
    if (text.indexOf('\0') >= 0) {
      throw new ConfigException(node.key(), text, "a path without NUL characters");
    }
    String expanded = text.equals("~") ? home : text.startsWith("~/") ? home + text.substring(1) : text;
    Path path = Path.of(expanded);
    if (!path.isAbsolute()) {
      throw new ConfigException(node.key(), text, "an absolute path or one starting with ~/");
    }
    return path.normalize();
  }
}
