package org.videoorganizer.daemon.alerts;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The body each kind of receiver expects at the configured address:
 * <ul>
 *   <li>{@code generic}: JSON {@code {key, title, message}};
 *   <li>{@code ntfy}: the message as plain text, the title in the {@code Title} header (the
 *       address is the topic URL, {@code https://ntfy.sh/my-topic});
 *   <li>{@code gotify}: JSON {@code {title, message, priority}} (the address is
 *       {@code https://gotify.example/message?token=...});
 *   <li>{@code discord}: JSON {@code {content}} (the address is the channel's webhook URL);
 *   <li>{@code apprise}: JSON {@code {title, body, type}} for the Apprise API's
 *       {@code /notify/{key}} (the address names the key or carries {@code urls}).
 * </ul>
 */
final class AlertTemplates {

  /** What to POST. */
  record Request(String contentType, String body, Map<String, String> headers) {}

  private AlertTemplates() {}

  static Request render(String template, Alert a) {
    return switch (template) {
      case "generic" -> json(new JsonObject().put("key", a.key()).put("title", a.title()).put("message", a.message()));
      case "ntfy" -> new Request("text/plain; charset=utf-8", a.message(), Map.of("Title", ascii(a.title()), "Tags", "warning"));
      case "gotify" -> json(new JsonObject().put("title", a.title()).put("message", a.message()).put("priority", 5));
      case "discord" -> json(new JsonObject().put("content", limit("**" + a.title() + "**\n" + a.message(), 2000)));
      case "apprise" -> json(new JsonObject().put("title", a.title()).put("body", a.message()).put("type", "warning"));
      default -> throw new IllegalArgumentException("alerts.template: no template named '" + template + "'");
    };
  }

  private static Request json(JsonObject body) {
    return new Request("application/json", body.encode(), Map.of());
  }

  // HTTP header values are ASCII: anything else becomes '?'.
  private static String ascii(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private static String limit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
