package org.videoorganizer.jellyfin.fake;

/** How the simulated Webhook plugin's Generic destination is configured. */
public enum WebhookStyle {
  /** A Handlebars template and no Content-Type header: the body goes out as text/plain. */
  TEMPLATE_AS_TEXT,
  /** A template plus a {@code Content-Type: application/json} header. */
  TEMPLATE_AS_JSON,
  /** "Send All Properties": Jellyfin's JSON serializer, ids without dashes. */
  SEND_ALL_PROPERTIES
}
