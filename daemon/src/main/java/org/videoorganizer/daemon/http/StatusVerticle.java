package org.videoorganizer.daemon.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.config.VorgConfig.HttpConfig;
import org.videoorganizer.daemon.store.StatusQuery;

/**
 * {@code GET /healthz} (no content beyond "ok", for probes) and {@code GET /api/status} (JSON,
 * only with {@code Authorization: Bearer <token>}), on the configured address. Everything else
 * is 404; anything but GET is 405. Routes mounted by others (the Jellyfin webhook) bring their
 * own checks.
 */
public final class StatusVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(StatusVerticle.class);

  private final HttpConfig config;
  private final HttpToken token;
  private final StatusQuery status;
  private final Supplier<JsonObject> live;
  private final Consumer<Router> routes;
  private final Function<JsonObject, Future<JsonObject>> more;
  private HttpServer server;

  /** {@code live} adds what only this process knows (dispatch health, files waiting). */
  public StatusVerticle(HttpConfig config, HttpToken token, StatusQuery status, Supplier<JsonObject> live) {
    this(config, token, status, live, router -> { }, Future::succeededFuture);
  }

  /** With {@code routes} mounted first (e.g. the Jellyfin webhook) and {@code more} adding to the status. */
  public StatusVerticle(HttpConfig config, HttpToken token, StatusQuery status, Supplier<JsonObject> live,
      Consumer<Router> routes, Function<JsonObject, Future<JsonObject>> more) {
    this.config = config;
    this.token = token;
    this.status = status;
    this.live = live;
    this.routes = routes;
    this.more = more;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    routes.accept(router);
    router.route("/api/*").handler(ctx -> {
      if (token.accepts(ctx.request().getHeader("Authorization"))) {
        ctx.next();
        return;
      }
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"vorg\"");
      json(ctx.request(), 401, new JsonObject().put("error", "send Authorization: Bearer <token>; the token is "
          + (token.file().isPresent() ? "in the file http-token in the daemon's data_dir" : "the one set in VORG_HTTP_TOKEN")));
    });
    router.route().handler(ctx -> route(ctx.request()));
    return vertx.createHttpServer(serverOptions()).requestHandler(router).listen(config.port(), config.host())
        .recover(e -> Future.failedFuture(new IllegalStateException("http.port: cannot listen on " + config.host() + ":"
            + config.port() + " (" + e.getMessage() + "); another process has it? Choose another http.port (VORG_HTTP_PORT)", e)))
        .onSuccess(s -> {
          server = s;
          log.info("status on {}://{}:{}/api/status", config.tls().isPresent() ? "https" : "http", config.host(), s.actualPort());
        });
  }

  // HTTPS when http.tls_cert and http.tls_key are set: then nothing is served in plain text.
  private HttpServerOptions serverOptions() {
    HttpServerOptions options = new HttpServerOptions();
    config.tls().ifPresent(t -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertPath(t.cert().toString()).setKeyPath(t.key().toString())));
    return options;
  }

  /** The port really bound (differs from the configured one when that was 0). */
  public int port() {
    return server.actualPort();
  }

  private void route(HttpServerRequest req) {
    if (!"GET".equals(req.method().name())) {
      req.response().setStatusCode(405).putHeader("Allow", "GET").end();
      return;
    }
    switch (req.path()) {
      case "/healthz" -> req.response().putHeader("Content-Type", "text/plain").end("ok\n");
      case "/api/status" -> status.status()
          .map(json -> json.put("daemon", live.get()))
          .compose(more)
          .onSuccess(json -> json(req, 200, json))
          .onFailure(e -> json(req, 503, new JsonObject().put("error", "status unavailable: " + e.getMessage())));
      default -> json(req, 404, new JsonObject().put("error", "no such path"));
    }
  }

  private static void json(HttpServerRequest req, int code, JsonObject body) {
    req.response().setStatusCode(code).putHeader("Content-Type", "application/json").end(body.encodePrettily());
  }
}
