package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A snapshot for {@code /api/status}: counts per state and the videos that need a look. */
public record ConfirmationStatus(Map<ConfirmationState, Long> counts, List<Confirmation> mismatched,
    List<Confirmation> missing, List<Confirmation> deleted) {

  public ConfirmationStatus {
    Map<ConfirmationState, Long> all = new EnumMap<>(ConfirmationState.class);
    for (ConfirmationState s : ConfirmationState.values()) {
      all.put(s, counts.getOrDefault(s, 0L));
    }
    counts = Map.copyOf(all);
    mismatched = List.copyOf(mismatched);
    missing = List.copyOf(missing);
    deleted = List.copyOf(deleted);
  }

  public long count(ConfirmationState state) {
    return counts.get(state);
  }

  public JsonObject toJson() {
    JsonObject c = new JsonObject();
    for (ConfirmationState s : ConfirmationState.values()) {
      c.put(s.name().toLowerCase(java.util.Locale.ROOT), counts.get(s));
    }
    return new JsonObject().put("counts", c).put("mismatched", list(mismatched)).put("missing", list(missing))
        .put("deleted", list(deleted));
  }

  private static JsonArray list(List<Confirmation> items) {
    JsonArray out = new JsonArray();
    items.forEach(i -> out.add(new JsonObject().put("path", i.localPath().toString())
        .put("jellyfinPath", i.jellyfinPath()).put("expectedTmdbId", i.expectedTmdbId())
        .put("seenTmdbId", i.seenTmdbId().orElse(null)).put("itemId", i.itemId().orElse(null))
        .put("corrections", i.corrections()).put("updatedAt", i.updatedAt().toString()).put("note", i.note())
        .put("episode", i.episode().map(EpisodeNumbers::label).orElse(null))));
    return out;
  }
}
