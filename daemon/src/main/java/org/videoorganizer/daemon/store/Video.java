package org.videoorganizer.daemon.store;

import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.Optional;

/** A video row: one input file at a path below a source. */
public record Video(
    long id,
    String source,
    String relPath,
    String displayPath,
    long size,
    long mtimeMs,
    Optional<String> quickHash,
    Optional<String> contentHash,
    VideoState state,
    Optional<String> reason,
    List<String> sidecars,
    boolean active) {

  public Video {
    sidecars = List.copyOf(sidecars);
  }

  /**
   * A video of a row that has the columns id, source, rel_path, display_path, size, mtime_ms,
   * quick_hash, content_hash, state, reason, sidecars, active.
   */
  static Video from(Row r) {
    Object sc = r.getValue("sidecars");
    List<String> sidecars = sc instanceof JsonArray a ? a.stream().map(String::valueOf).toList() : List.of();
    return new Video(r.getLong("id"), r.getString("source"), r.getString("rel_path"),
        r.getString("display_path"), r.getLong("size"), r.getLong("mtime_ms"),
        Optional.ofNullable(r.getString("quick_hash")), Optional.ofNullable(r.getString("content_hash")),
        VideoState.of(r.getString("state")), Optional.ofNullable(r.getString("reason")), sidecars,
        r.getBoolean("active"));
  }
}
