package org.videoorganizer.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Pause and resume, rescan a source, and retry / re-announce / undo by video id. */
final class ControlsPage {

  private ControlsPage() {}

  static String body(JsonObject overview, String csrf) {
    Html h = new Html();
    boolean paused = overview.getBoolean("paused", false);
    h.raw("<h2>Pipeline</h2><p>").text(paused ? "Paused: no new steps start." : "Running.").raw("</p>");
    Pages.button(h, "/api/controls/" + (paused ? "resume" : "pause"), paused ? "Resume" : "Pause", csrf, "/controls", Map.of());
    h.raw("<h2>Rescan a source now</h2>");
    JsonArray sources = overview.getJsonArray("sources", new JsonArray());
    for (int i = 0; i < sources.size(); i++) {
      String name = sources.getJsonObject(i).getString("name");
      Pages.button(h, "/api/controls/rescan", "Rescan " + name, csrf, "/controls", Map.of("source", name));
    }
    h.raw("<h2>One video</h2><p>Retry a failed video, announce it to Jellyfin again, or put an organized video back ")
        .raw("where it came from.</p>");
    for (String action : new String[] {"retry", "reannounce", "undo"}) {
      h.raw("<form method=\"post\" class=\"inline\" action=\"/api/controls/").text(action).raw("\">").hidden("_csrf", csrf)
          .hidden("_back", "/controls").raw("<input name=\"video\" inputmode=\"numeric\" placeholder=\"video id\" required>")
          .raw("<button>").text(action).raw("</button></form>");
    }
    JsonObject last = overview.getJsonObject("last_control");
    if (last != null) {
      h.raw("<h2>Last control</h2>").fields(last);
    }
    return h.toString();
  }
}
