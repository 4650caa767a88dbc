package org.videoorganizer.config;

/**
 * The configuration is wrong and a person must fix it. The message names the key, the value that
 * was found and what is expected.
 */
public final class ConfigException extends RuntimeException {

  private final String key;

  ConfigException(String key, Object value, String expected) {
    super(key + ": " + describe(value) + " is not valid; expected " + expected);
    this.key = key;
  }

  ConfigException(String message) {
    super(message);
    this.key = "";
  }

  /** The dotted key that is wrong, for example {@code http.port}; empty for a whole-file error. */
  public String key() {
    return key;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "a missing value";
    }
    String text = String.valueOf(value);
    StringBuilder escaped = new StringBuilder("'");
    text.codePoints()
        .limit(200)
        .forEach(c -> escaped.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
    return escaped.append('\'').toString();
  }
}
