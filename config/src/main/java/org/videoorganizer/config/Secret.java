package org.videoorganizer.config;

/** A secret value that never shows in logs, exceptions or {@code toString()}. */
public final class Secret {

  private final String value;

  Secret(String value) {
    this.value = value;
  }

  /** The secret itself: pass it straight to the client that needs it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && java.security.MessageDigest.isEqual(
        s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
