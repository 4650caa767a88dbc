package org.videoorganizer.jellyfin.webhook;

import java.time.Instant;

/**
 * An item event the Webhook plugin reported, reduced to what may be trusted: the kind of event
 * and the item id (normalized: 32 lower-case hex digits). Everything else in the payload, names,
 * provider ids, anything looking like a path, is dropped; the item is read back from the API.
 *
 * @param itemType what the payload claimed (Movie, Episode, ...); a hint for logs only
 */
public record WebhookEvent(Type type, String itemId, String itemType, Instant receivedAt) {

  /** The plugin's NotificationType values the organizer acts on. */
  public enum Type {
    ITEM_ADDED("ItemAdded"),
    ITEM_DELETED("ItemDeleted");

    private final String pluginName;

    Type(String pluginName) {
      this.pluginName = pluginName;
    }

    public String pluginName() {
      return pluginName;
    }
  }
}
