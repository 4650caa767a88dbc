package org.videoorganizer.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's own script and style sheet, from this module's resources (nothing from a CDN). Only
 * the names listed are served: no path from a request reaches a file lookup.
 */
final class Assets {

  private static final Map<String, String> TYPES = Map.of(
      "app.js", "text/javascript; charset=utf-8",
      "style.css", "text/css; charset=utf-8");
  private static final Map<String, Buffer> CONTENT = load();

  private Assets() {}

  static void serve(RoutingContext ctx) {
    String name = ctx.pathParam("file");
    Buffer body = CONTENT.get(name);
    if (body == null) {
      WebRoutes.fail(ctx, 404, "no such asset");
      return;
    }
    ctx.response().putHeader("Content-Type", TYPES.get(name)).putHeader("Cache-Control", "max-age=300").end(body);
  }

  private static Map<String, Buffer> load() {
    Map<String, Buffer> out = new java.util.HashMap<>();
    for (String name : TYPES.keySet()) {
      try (InputStream in = Assets.class.getResourceAsStream("static/" + name)) {
        if (in == null) {
          throw new IllegalStateException("asset " + name + " is missing from the web module's resources");
        }
        out.put(name, Buffer.buffer(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(out);
  }
}
