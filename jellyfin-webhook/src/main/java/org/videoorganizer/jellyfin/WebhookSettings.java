package org.videoorganizer.jellyfin;

import java.time.Duration;

/**
 * What the webhook receiver needs: the shared secret the Webhook plugin sends in
 * {@code X-Vorg-Secret}, the largest body accepted, and how long a delivery is remembered to
 * drop duplicates.
 */
public record WebhookSettings(String secret, int maxBodyBytes, Duration duplicateWindow) {

  public static final String SECRET_VARIABLE = "VORG_JELLYFIN_WEBHOOK_SECRET";
  public static final int MIN_SECRET_LENGTH = 16;

  public WebhookSettings {
    if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("webhook secret (" + SECRET_VARIABLE + ") must have at least "
          + MIN_SECRET_LENGTH + " characters, got " + (secret == null ? 0 : secret.strip().length()));
    }
    secret = secret.strip();
    if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("webhook maxBodyBytes must be within 1024..16777216, got: " + maxBodyBytes);
    }
    if (duplicateWindow == null || duplicateWindow.isNegative() || duplicateWindow.isZero()) {
      throw new IllegalArgumentException("webhook duplicateWindow must be positive, got: " + duplicateWindow);
    }
  }

  /** A 64 KiB body limit (a templated payload is well under 4 KiB) and a 10 minute duplicate window. */
  public static WebhookSettings of(String secret) {
    return new WebhookSettings(secret, 64 * 1024, Duration.ofMinutes(10));
  }

  @Override
  public String toString() {
    return "WebhookSettings[secret=***, maxBodyBytes=" + maxBodyBytes + ", duplicateWindow=" + duplicateWindow + "]";
  }
}
