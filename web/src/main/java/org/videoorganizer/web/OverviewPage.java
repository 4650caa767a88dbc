package org.videoorganizer.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The overview: counts, queue, throughput, sources, library, Jellyfin, TMDB, costs, problems. */
final class OverviewPage {

  private OverviewPage() {}

  static String body(JsonObject o) {
    Html h = new Html();
    h.raw("<section id=\"overview\" data-live=\"/api/overview\"><div class=\"cards\">");
    JsonObject counts = o.getJsonObject("videos", new JsonObject());
    for (String state : Pages.STATES) {
      long n = counts.getLong(state, 0L);
      h.raw("<a class=\"card\" href=\"/videos?state=").text(state).raw("\"><span class=\"n\" data-k=\"videos.").text(state)
          .raw("\">").text(n).raw("</span><span>").text(state.replace('_', ' ')).raw("</span></a>");
    }
    h.raw("</div>");
    JsonObject queue = o.getJsonObject("queue", new JsonObject());
    JsonObject tp = o.getJsonObject("throughput", new JsonObject());
    h.raw("<h2>Queue</h2><p>queued <b data-k=\"queue.queued\">").text(queue.getValue("queued", 0))
        .raw("</b>, running <b data-k=\"queue.running\">").text(queue.getValue("running", 0))
        .raw("</b>; organized in the last hour <b data-k=\"throughput.last_hour\">").text(tp.getValue("last_hour", 0))
        .raw("</b>, today <b data-k=\"throughput.today\">").text(tp.getValue("today", 0)).raw("</b>")
        .raw(o.getBoolean("paused", false) ? " <b class=\"warn\">pipeline paused</b>" : "").raw("</p>");
    Pages.table(h, tp.getJsonArray("per_day", new JsonArray()), Map.of("day", "day", "n", "organized"));
    h.raw("<h2>Sources</h2>");
    Pages.table(h, o.getJsonArray("sources", new JsonArray()), columns("name", "source", "available", "available",
        "last_scan_at", "last scan", "files", "files", "unstable_count", "unstable", "error", "problem"));
    section(h, "Library", o.getJsonObject("library"));
    section(h, "Jellyfin", o.getJsonObject("jellyfin"));
    section(h, "TMDB", o.getJsonObject("tmdb"));
    section(h, "Analysis costs", o.getJsonObject("costs"));
    h.raw("<h2>Recent problems</h2>");
    Pages.table(h, o.getJsonArray("recent_problems", new JsonArray()),
        columns("video", "video", "path", "file", "state", "state", "reason", "reason", "at", "at"));
    return h.raw("<p class=\"hint\">Updated every 5 seconds.</p></section>").toString();
  }

  private static void section(Html h, String title, JsonObject o) {
    h.el("h2", title);
    if (o == null || o.isEmpty()) {
      h.raw("<p>not configured</p>");
    } else {
      h.fields(o);
    }
  }

  static Map<String, String> columns(String... keyHeader) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyHeader.length; i += 2) {
      m.put(keyHeader[i], keyHeader[i + 1]);
    }
    return m;
  }
}
