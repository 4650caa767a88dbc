package org.videoorganizer.jellyfin.webhook;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.videoorganizer.jellyfin.client.JellyfinItem;

/** Reads a Webhook plugin payload (templated JSON or "Send All Properties") into a result. */
final class PayloadParser {

  // Matches "ItemAdded", "PlaybackStart"; not "Item Added", "<script>" or 60 letters.
  private static final Pattern WORD = Pattern.compile("\\w{1,40}");

  sealed interface Parsed {}

  record Event(WebhookEvent event) implements Parsed {}

  record Ignored(String notificationType) implements Parsed {}

  record Malformed(String reason) implements Parsed {}

  private PayloadParser() {}

  static Parsed parse(Buffer body, Instant now) {
    if (body == null || body.length() == 0) {
      return new Malformed("body is empty");
    }
    JsonObject o;
    try {
      o = new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      return new Malformed("body is not a JSON object");
    }
    if (!(o.getValue("NotificationType") instanceof String type) || !WORD.matcher(type).matches()) {
      return new Malformed("NotificationType must be a word such as ItemAdded");
    }
    Optional<WebhookEvent.Type> known = Arrays.stream(WebhookEvent.Type.values())
        .filter(t -> t.pluginName().equals(type)).findFirst();
    if (known.isEmpty()) {
      return new Ignored(type);
    }
    Object rawId = o.getValue("ItemId");
    Optional<String> id = rawId instanceof String s ? JellyfinItem.normalizeId(s) : Optional.empty();
    if (id.isEmpty()) {
      return new Malformed("ItemId must be a Jellyfin GUID (32 hex digits, dashes optional)");
    }
    String itemType = o.getValue("ItemType") instanceof String t && WORD.matcher(t).matches() ? t : "";
    return new Event(new WebhookEvent(known.get(), id.get(), itemType, now));
  }
}
