package org.videoorganizer.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** The server-rendered pages: overview, videos, one video, review, controls; and login. */
final class Pages {

  static final String[] STATES = {"discovered", "fingerprinted", "identified", "analyzed", "needs_review", "duplicate",
      "organized", "announced", "confirmed", "mismatched", "rejected", "failed", "vanished"};

  private final WebBackend backend;

  Pages(WebBackend backend) {
    this.backend = backend;
  }

  void render(RoutingContext ctx) {
    String csrf = ctx.get("csrf");
    String path = ctx.request().path();
    Future<String> page;
    if (path.equals("/")) {
      page = backend.overview().map(o -> layout("Overview", csrf, OverviewPage.body(o)));
    } else if (path.equals("/videos")) {
      page = backend.videos(ApiRoutes.filter(ctx)).map(v -> layout("Videos", csrf, VideoPages.list(v, ctx.queryParams())));
    } else if (path.startsWith("/videos/")) {
      long id = ApiRoutes.id(ctx, "id");
      page = backend.video(id).map(v -> v.map(j -> layout("Video " + id, csrf, VideoPages.one(j, csrf)))
          .orElseThrow(() -> WebProblem.notFound("no video " + id)));
    } else if (path.equals("/review")) {
      page = ReviewPage.render(backend, ctx, csrf).map(body -> layout("Review", csrf, body));
    } else {
      page = backend.overview().map(o -> layout("Controls", csrf, ControlsPage.body(o, csrf)));
    }
    page.onSuccess(html -> WebRoutes.html(ctx, 200, html)).onFailure(e -> WebRoutes.failed(ctx, e));
  }

  static String layout(String title, String csrf, String body) {
    Html h = new Html();
    h.raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<meta name=\"csrf\" content=\"").text(csrf).raw("\">")
        .raw("<title>").text(title).raw(" · vorg</title><link rel=\"stylesheet\" href=\"/static/style.css\">")
        .raw("<script src=\"/static/app.js\" defer></script></head><body><header><nav>")
        .raw("<a href=\"/\">Overview</a><a href=\"/videos\">Videos</a><a href=\"/review\">Review</a>")
        .raw("<a href=\"/controls\">Controls</a></nav>");
    if (csrf != null) {
      h.raw("<form method=\"post\" action=\"/logout\" class=\"logout\">").hidden("_csrf", csrf)
          .raw("<button>Log out</button></form>");
    }
    return h.raw("</header><main>").el("h1", title).raw(body).raw("</main></body></html>").toString();
  }

  static String login(String error) {
    Html h = new Html().raw("<form method=\"post\" action=\"/login\" class=\"login\">");
    if (error != null) {
      h.raw("<p class=\"error\">").text(error).raw("</p>");
    }
    h.raw("<label>Daemon token <input type=\"password\" name=\"token\" autocomplete=\"current-password\" required autofocus>")
        .raw("</label><button>Log in</button><p class=\"hint\">The token is in the file http-token in the daemon's data_dir ")
        .raw("(or VORG_HTTP_TOKEN). It is exchanged once for a session cookie.</p></form>");
    return layout("Log in", null, h.toString());
  }

  static String problem(int status, String message) {
    return layout("Refused (" + status + ")", null, new Html().raw("<p class=\"error\">").text(message)
        .raw("</p><p><a href=\"/\">Back to the overview</a></p>").toString());
  }

  /** A table of a list of objects, with the given columns (key to header); ids link to the video. */
  static void table(Html h, JsonArray rows, Map<String, String> columns) {
    h.raw("<table><thead><tr>");
    columns.values().forEach(c -> h.el("th", c));
    h.raw("</tr></thead><tbody>");
    for (int i = 0; i < rows.size(); i++) {
      JsonObject r = rows.getJsonObject(i);
      h.raw("<tr>");
      for (String key : columns.keySet()) {
        Object v = r.getValue(key);
        if (key.equals("video") && v != null) {
          h.raw("<td><a href=\"/videos/").text(v).raw("\">").text(v).raw("</a></td>");
        } else {
          h.raw("<td data-label=\"").text(columns.get(key)).raw("\">")
              .text(v instanceof JsonObject || v instanceof JsonArray ? String.valueOf(v) : v).raw("</td>");
        }
      }
      h.raw("</tr>");
    }
    h.raw("</tbody></table>");
  }

  /** A small POST form with one button, carrying the CSRF token and where to come back. */
  static void button(Html h, String action, String label, String csrf, String back, Map<String, Object> fields) {
    h.raw("<form method=\"post\" class=\"inline\" action=\"").text(action).raw("\">").hidden("_csrf", csrf).hidden("_back", back);
    fields.forEach(h::hidden);
    h.raw("<button>").text(label).raw("</button></form>");
  }
}
