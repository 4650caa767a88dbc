package org.videoorganizer.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON API under {@code /api/} (documented in docs/web.md). The page's forms post to the
 * same endpoints as {@code application/x-www-form-urlencoded} with {@code _csrf} and {@code
 * _back}; they are answered with a redirect to {@code _back} instead of JSON.
 */
final class ApiRoutes {

  private final WebBackend backend;

  ApiRoutes(WebBackend backend) {
    this.backend = backend;
  }

  void mount(Router router) {
    router.get("/api/overview").handler(ctx -> WebRoutes.reply(ctx, backend.overview(), o -> WebRoutes.json(ctx, 200, o)));
    router.get("/api/videos").handler(ctx -> WebRoutes.reply(ctx, backend.videos(filter(ctx)), o -> WebRoutes.json(ctx, 200, o)));
    router.get("/api/videos/:id").handler(ctx -> WebRoutes.reply(ctx, backend.video(id(ctx, "id")),
        o -> o.ifPresentOrElse(v -> WebRoutes.json(ctx, 200, v), () -> WebRoutes.fail(ctx, 404, "no video " + ctx.pathParam("id")))));
    router.get("/api/review").handler(ctx -> WebRoutes.reply(ctx, backend.reviews(limit(ctx, 100)),
        a -> WebRoutes.json(ctx, 200, new JsonObject().put("questions", a))));
    router.get("/api/tmdb/search").handler(ctx -> WebRoutes.reply(ctx, backend.search(lookup(ctx)),
        a -> WebRoutes.json(ctx, 200, new JsonObject().put("results", a))));
    router.post("/api/review/:id/answer").handler(ctx -> change(ctx, body -> backend.answer(id(ctx, "id"), answer(body))));
    router.post("/api/corrections/:id/undo").handler(ctx -> change(ctx, body -> backend.undoCorrection(id(ctx, "id"))));
    router.post("/api/controls/:action").handler(ctx -> change(ctx, body -> backend.control(new Control(ctx.pathParam("action"),
        optLong(body, "video"), Optional.ofNullable(body.getString("source")).filter(s -> !s.isBlank())))));
  }

  /** Runs a change after the body and CSRF checks; JSON in, JSON out (or a redirect for a form). */
  private void change(RoutingContext ctx, Function<JsonObject, Future<JsonObject>> action) {
    String type = ctx.request().getHeader("Content-Type");
    String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    boolean form = mime.equals("application/x-www-form-urlencoded");
    if (!form && !mime.equals("application/json")) {
      WebRoutes.fail(ctx, 415, "send application/json (or a form from the page), not '" + mime + "'");
      return;
    }
    JsonObject body;
    try {
      body = form ? formBody(ctx) : bodyJson(ctx);
      if (!csrfOk(ctx, body)) {
        WebRoutes.fail(ctx, 403, "missing or wrong CSRF token: reload the page and try again");
        return;
      }
      Future<JsonObject> done = action.apply(body);
      WebRoutes.reply(ctx, done, result -> {
        if (form) {
          ctx.response().setStatusCode(303).putHeader("Location", back(body)).end();
        } else {
          WebRoutes.json(ctx, 200, result);
        }
      });
    } catch (RuntimeException e) {
      WebRoutes.failed(ctx, e);
    }
  }

  private static boolean csrfOk(RoutingContext ctx, JsonObject body) {
    String expected = ctx.get("csrf");
    if (expected == null) {
      return true; // bearer token: not an ambient credential a foreign page could use
    }
    if (Boolean.TRUE.equals(ctx.get("csrf_header_ok"))) {
      return true;
    }
    String sent = body.getString("_csrf");
    return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject bodyJson(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    Object parsed = io.vertx.core.json.Json.decodeValue(text);
    if (!(parsed instanceof JsonObject o)) {
      throw WebProblem.badRequest("the body must be a JSON object");
    }
    return o;
  }

  private static JsonObject formBody(RoutingContext ctx) {
    JsonObject o = new JsonObject();
    ctx.request().formAttributes().forEach(e -> o.put(e.getKey(), e.getValue()));
    if (o.containsKey("video")) {
      o.put("video", parseLong(o.getString("video"), "video"));
    }
    if (o.containsKey("tmdb_id")) {
      o.put("tmdb_id", parseLong(o.getString("tmdb_id"), "tmdb_id"));
    }
    if (o.containsKey("year")) {
      String y = o.getString("year").strip();
      o.put("year", y.isEmpty() ? null : (Object) (int) parseLong(y, "year"));
    }
    return o;
  }

  // Only a path on this site: "/review", never "//evil.example" or "https://...".
  private static String back(JsonObject body) {
    String b = body.getString("_back");
    return b != null && b.startsWith("/") && !b.startsWith("//") && !b.contains("\\") && b.length() < 500 ? b : "/";
  }

  static Answer answer(JsonObject body) {
    String kind = body.getString("answer", "");
    return switch (kind) {
      case "tmdb" -> new Answer.Tmdb(body.getString("kind", "movie"), requireLong(body, "tmdb_id"));
      case "other" -> new Answer.Other(body.getString("title"), year(body));
      case "skip" -> new Answer.Skip();
      case "ignore" -> new Answer.Ignore();
      default -> throw WebProblem.badRequest("answer must be tmdb, other, skip or ignore, got '" + kind + "'");
    };
  }

  private static Integer year(JsonObject body) {
    Object y = body.getValue("year");
    if (y == null) {
      return null;
    }
    if (!(y instanceof Number n) || n.intValue() < 1870 || n.intValue() > 2200) {
      throw WebProblem.badRequest("year must be a number from 1870 to 2200, got " + y);
    }
    return n.intValue();
  }

  private static long requireLong(JsonObject body, String key) {
    return optLong(body, key).orElseThrow(() -> WebProblem.badRequest(key + " is required"));
  }

  private static Optional<Long> optLong(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Number n) {
      return Optional.of(n.longValue());
    }
    return Optional.of(parseLong(String.valueOf(v), key));
  }

  static long parseLong(String s, String what) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw WebProblem.badRequest(what + " must be a number, got '" + s + "'");
    }
  }

  static long id(RoutingContext ctx, String param) {
    return parseLong(ctx.pathParam(param), param);
  }

  static int limit(RoutingContext ctx, int dflt) {
    String l = ctx.queryParams().get("limit");
    return l == null || l.isBlank() ? dflt : (int) Math.min(parseLong(l, "limit"), Integer.MAX_VALUE);
  }

  static VideoFilter filter(RoutingContext ctx) {
    var q = ctx.queryParams();
    return new VideoFilter(Optional.ofNullable(q.get("state")), Optional.ofNullable(q.get("source")),
        Optional.ofNullable(q.get("type")), Optional.ofNullable(q.get("q")), Optional.ofNullable(q.get("after")), limit(ctx, 50));
  }

  static Lookup lookup(RoutingContext ctx) {
    var q = ctx.queryParams();
    String y = q.get("year");
    Integer year = y == null || y.isBlank() ? null : (int) parseLong(y, "year");
    return Lookup.parse(q.get("q"), year, q.get("kind"));
  }

  static JsonArray orEmpty(JsonArray a) {
    return a == null ? new JsonArray() : a;
  }
}
