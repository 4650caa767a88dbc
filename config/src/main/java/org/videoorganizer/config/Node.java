package org.videoorganizer.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A part of the YAML tree that knows its dotted key, so every error can name it. */
record Node(String key, JsonNode value) {

  Node child(String name) {
    JsonNode v = value == null ? null : value.get(name);
    return new Node(key.isEmpty() ? name : key + "." + name, v);
  }

  boolean present() {
    return value != null && !value.isNull() && !value.isMissingNode();
  }

  List<Node> elements() {
    if (!present()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ConfigException(key, value.toString(), "a list");
    }
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      out.add(new Node(key + "[" + i + "]", value.get(i)));
    }
    return out;
  }

  /** The scalar as text, or the table default when absent; empty when neither exists. */
  Optional<String> text() {
    if (present()) {
      if (!value.isValueNode()) {
        throw new ConfigException(key, value.toString(), "a single value, not a list or mapping");
      }
      return Optional.of(value.asText());
    }
    String fallback = Keys.SCALARS.getOrDefault(key, "");
    return fallback.isEmpty() ? Optional.empty() : Optional.of(fallback);
  }

  String requiredText(String expected) {
    return text().filter(t -> !t.isBlank()).orElseThrow(() -> new ConfigException(key, null, expected));
  }

  int integer(int min, int max) {
    String t = requiredText("a whole number from " + min + " to " + max);
    try {
      int n = Integer.parseInt(t.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the same message as an out-of-range value
    }
    throw new ConfigException(key, t, "a whole number from " + min + " to " + max);
  }

  double decimal(double min, double max) {
    String t = requiredText("a number from " + min + " to " + max);
    try {
      double d = Double.parseDouble(t.strip());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(key, t, "a number from " + min + " to " + max);
  }

  /** A positive duration: {@code 500ms}, {@code 2s}, {@code 3m}, {@code 1h}, or ISO-8601 ({@code PT2S}). */
  java.time.Duration duration() {
    String expected = "a positive duration such as 500ms, 2s, 3m or 1h";
    String t = requiredText(expected).strip();
    java.time.Duration d;
    try {
      var m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h)").matcher(t);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d = switch (m.group(2)) {
          case "ms" -> java.time.Duration.ofMillis(n);
          case "s" -> java.time.Duration.ofSeconds(n);
          case "m" -> java.time.Duration.ofMinutes(n);
          default -> java.time.Duration.ofHours(n);
        };
      } else {
        d = java.time.Duration.parse(t);
      }
    } catch (java.time.format.DateTimeParseException e) {
      throw new ConfigException(key, t, expected);
    }
    if (d.isNegative() || d.isZero()) {
      throw new ConfigException(key, t, expected);
    }
    return d;
  }

  boolean bool() {
    String t = requiredText("true or false");
    return switch (t.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new ConfigException(key, t, "true or false");
    };
  }

  /** Refuses keys this mapping does not know, so a typo is an error rather than a silent default. */
  void onlyKeys(java.util.Collection<String> allowed) {
    if (!present()) {
      return;
    }
    if (!value.isObject()) {
      throw new ConfigException(key, value.toString(), "a mapping with keys " + allowed);
    }
    for (String name : (Iterable<String>) value::fieldNames) {
      String full = key.isEmpty() ? name : key + "." + name;
      String secretVar = Keys.SECRETS.get(full);
      if (secretVar != null) {
        throw new ConfigException(full, "(redacted)",
            "no secret in the file: set " + secretVar + " or " + secretVar + "_FILE in the environment");
      }
      if (!allowed.contains(name)) {
        throw new ConfigException(full, name, "one of the known keys " + allowed);
      }
    }
  }
}
