package org.videoorganizer.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * One row per open question: the file, why the matcher asked, its candidates and evidence, and
 * the answers: accept a candidate, search TMDB (title and year, or a pasted TMDB/IMDb id or URL)
 * and pick, file under Other with a title, skip, ignore. A search is a GET of this page with
 * {@code video}, {@code q}, {@code year}, {@code kind}; its hits are shown under that question.
 */
final class ReviewPage {

  private ReviewPage() {}

  static Future<String> render(WebBackend backend, RoutingContext ctx, String csrf) {
    var q = ctx.queryParams();
    String forVideo = q.get("video");
    Future<JsonArray> hits = forVideo == null || q.get("q") == null || q.get("q").isBlank()
        ? Future.succeededFuture(null) : backend.search(ApiRoutes.lookup(ctx));
    return backend.reviews(100).compose(questions -> hits.map(found -> body(questions, forVideo, found, q, csrf)));
  }

  private static String body(JsonArray questions, String forVideo, JsonArray found, io.vertx.core.MultiMap q, String csrf) {
    Html h = new Html();
    if (questions.isEmpty()) {
      return h.raw("<p class=\"empty\">No open questions.</p>").toString();
    }
    h.raw("<p><span data-k=\"review\">").text(questions.size()).raw("</span> open question(s).</p>");
    for (int i = 0; i < questions.size(); i++) {
      JsonObject r = questions.getJsonObject(i);
      long id = r.getLong("video");
      String back = "/review#v-" + id;
      h.raw("<article class=\"question\" id=\"v-").text(id).raw("\"><h2><a href=\"/videos/").text(id).raw("\">")
          .text(r.getString("path")).raw("</a></h2><p class=\"reason\">").text(r.getString("reason")).raw("</p><p class=\"meta\">")
          .text(r.getString("source")).raw(" · waiting since ").text(r.getString("since")).raw("</p>");
      candidates(h, r.getJsonArray("candidates", new JsonArray()), id, csrf, back, "Accept");
      JsonArray evidence = r.getJsonArray("evidence", new JsonArray());
      if (!evidence.isEmpty()) {
        h.raw("<details><summary>Evidence</summary><ul>");
        evidence.forEach(e -> h.el("li", e));
        h.raw("</ul></details>");
      }
      boolean here = String.valueOf(id).equals(forVideo);
      h.raw("<form method=\"get\" action=\"/review#v-").text(id).raw("\" class=\"search\">").hidden("video", id)
          .raw("<input name=\"q\" placeholder=\"title, TMDB or IMDb id or URL\" value=\"").text(here ? q.get("q") : r.getString("guess"))
          .raw("\"><input name=\"year\" inputmode=\"numeric\" size=\"4\" placeholder=\"year\" value=\"").text(here ? q.get("year") : "")
          .raw("\"><select name=\"kind\"><option value=\"any\">film or show</option><option value=\"movie\">film</option>")
          .raw("<option value=\"tv\">show</option></select><button>Search TMDB</button></form>");
      if (here && found != null) {
        h.raw("<div class=\"hits\">");
        if (found.isEmpty()) {
          h.raw("<p>TMDB found nothing for that.</p>");
        }
        candidates(h, found, id, csrf, back, "Pick");
        h.raw("</div>");
      }
      h.raw("<form method=\"post\" action=\"/api/review/").text(id).raw("/answer\" class=\"other\">").hidden("_csrf", csrf)
          .hidden("_back", back).hidden("answer", "other")
          .raw("<input name=\"title\" placeholder=\"title under Other/\" required maxlength=\"200\">")
          .raw("<input name=\"year\" size=\"4\" inputmode=\"numeric\" placeholder=\"year\"><button>File under Other</button></form>");
      Pages.button(h, "/api/review/" + id + "/answer", "Skip", csrf, back, Map.of("answer", "skip"));
      Pages.button(h, "/api/review/" + id + "/answer", "Ignore", csrf, back, Map.of("answer", "ignore"));
      h.raw("</article>");
    }
    return h.toString();
  }

  private static void candidates(Html h, JsonArray list, long video, String csrf, String back, String label) {
    if (list.isEmpty()) {
      return;
    }
    h.raw("<ul class=\"candidates\">");
    for (int i = 0; i < list.size(); i++) {
      JsonObject c = list.getJsonObject(i);
      h.raw("<li><b>").text(c.getString("title")).raw("</b> ").text(c.getValue("year") == null ? "" : "(" + c.getValue("year") + ")")
          .raw(" <small>").text(c.getString("kind")).raw(" · TMDB ").text(c.getValue("tmdb_id"))
          .text(c.getValue("score") == null ? "" : " · score " + c.getValue("score")).raw("</small> ")
          .raw("<span class=\"overview\">").text(c.getString("overview")).raw("</span> ");
      Pages.button(h, "/api/review/" + video + "/answer", label, csrf, back,
          Map.of("answer", "tmdb", "kind", c.getString("kind"), "tmdb_id", c.getValue("tmdb_id")));
      h.raw("</li>");
    }
    h.raw("</ul>");
  }
}
