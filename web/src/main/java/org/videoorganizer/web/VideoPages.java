package org.videoorganizer.web;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The videos list (filters, keyset pages) and one video's page. */
final class VideoPages {

  private VideoPages() {}

  static String list(JsonObject page, MultiMap q) {
    Html h = new Html().raw("<form method=\"get\" action=\"/videos\" class=\"filters\"><select name=\"state\"><option value=\"\">any state</option>");
    for (String s : Pages.STATES) {
      h.raw("<option").raw(s.equals(q.get("state")) ? " selected" : "").raw(">").text(s).raw("</option>");
    }
    h.raw("</select><select name=\"type\"><option value=\"\">any type</option>");
    for (String t : new String[] {"movie", "episode", "other"}) {
      h.raw("<option").raw(t.equals(q.get("type")) ? " selected" : "").raw(">").text(t).raw("</option>");
    }
    h.raw("</select><input name=\"source\" placeholder=\"source\" value=\"").text(q.get("source"))
        .raw("\"><input name=\"q\" placeholder=\"text in the name\" value=\"").text(q.get("q"))
        .raw("\"><button>Filter</button></form>");
    Pages.table(h, page.getJsonArray("items", new JsonArray()), OverviewPage.columns("video", "id", "path", "file",
        "source", "source", "state", "state", "kind", "type", "title", "title", "reason", "reason", "updated_at", "changed"));
    String next = page.getString("next");
    if (next != null) {
      StringBuilder link = new StringBuilder("/videos?after=").append(enc(next));
      for (String k : new String[] {"state", "type", "source", "q"}) {
        if (q.get(k) != null && !q.get(k).isBlank()) {
          link.append('&').append(k).append('=').append(enc(q.get(k)));
        }
      }
      h.raw("<p><a class=\"next\" href=\"").text(link).raw("\">Next page</a></p>");
    }
    return h.toString();
  }

  static String one(JsonObject v, String csrf) {
    Html h = new Html();
    JsonObject video = v.getJsonObject("video", new JsonObject());
    long id = video.getLong("id", 0L);
    h.raw("<h2>Where it came from</h2>").fields(video);
    h.raw("<h2>Identity</h2>");
    JsonObject match = v.getJsonObject("match");
    if (match == null) {
      h.raw("<p>not identified</p>");
    } else {
      h.fields(match);
    }
    JsonObject seen = v.getJsonObject("review_seen");
    if (seen != null && !seen.getJsonArray("candidates", new JsonArray()).isEmpty()) {
      h.raw("<h2>Candidates the matcher saw</h2>");
      Pages.table(h, seen.getJsonArray("candidates"), OverviewPage.columns("title", "title", "year", "year", "kind", "kind",
          "tmdb_id", "TMDB", "score", "score", "why", "why"));
    }
    h.raw("<h2>Steps</h2>");
    Pages.table(h, v.getJsonArray("jobs", new JsonArray()), OverviewPage.columns("stage", "stage", "state", "state",
        "attempts", "attempts", "last_error", "last error", "updated_at", "at"));
    h.raw("<h2>Files it became</h2>");
    Pages.table(h, v.getJsonArray("files", new JsonArray()), OverviewPage.columns("library_path", "path", "role", "role",
        "size", "bytes", "created_at", "at"));
    h.raw("<h2>Jellyfin</h2>");
    Pages.table(h, v.getJsonArray("jellyfin", new JsonArray()), OverviewPage.columns("jellyfin_path", "path",
        "state", "state", "item_id", "item", "note", "note"));
    h.raw("<h2>Content analysis</h2>");
    Pages.table(h, v.getJsonArray("analyses", new JsonArray()), OverviewPage.columns("created_at", "at", "remote",
        "remote", "remote_reason", "why", "usd", "USD", "evidence", "evidence"));
    Pages.table(h, v.getJsonArray("costs", new JsonArray()), OverviewPage.columns("at", "at", "backend", "backend",
        "task", "task", "gpu_class", "GPU", "wall_ms", "wall ms", "execution_ms", "run ms", "queue_ms", "queue ms",
        "tokens_in", "tokens in", "tokens_out", "tokens out", "audio_seconds", "audio s", "usd", "USD"));
    h.raw("<h2>Corrections</h2>");
    corrections(h, v.getJsonArray("corrections", new JsonArray()), csrf, "/videos/" + id);
    h.raw("<h2>Controls</h2>");
    for (String action : new String[] {"retry", "reannounce", "undo"}) {
      Pages.button(h, "/api/controls/" + action, action, csrf, "/videos/" + id, Map.of("video", id));
    }
    return h.toString();
  }

  /** Corrections with when they were applied and a button to take each back. */
  static void corrections(Html h, JsonArray list, String csrf, String back) {
    if (list.isEmpty()) {
      h.raw("<p>none</p>");
      return;
    }
    h.raw("<ul class=\"corrections\">");
    for (int i = 0; i < list.size(); i++) {
      JsonObject c = list.getJsonObject(i);
      h.raw("<li>").text(c.getString("summary")).raw(" <small>").text(c.getString("applied")).raw("</small> ");
      if (c.getBoolean("revoked", false)) {
        h.raw("<em>taken back</em>");
      } else {
        Pages.button(h, "/api/corrections/" + c.getLong("id") + "/undo", "Take back", csrf, back, Map.of());
      }
      h.raw("</li>");
    }
    h.raw("</ul>");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
