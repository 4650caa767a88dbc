package org.videoorganizer.daemon.ops;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.http.HttpToken;
import org.videoorganizer.daemon.store.OpsQuery;

/**
 * {@code GET /metrics} (Prometheus text format; the bearer token of {@code /api}, unless
 * {@code metrics.open_on_loopback} and the server listens on loopback only) and
 * {@code GET /readyz} (200 when nothing configured is down, else 503; each dependency's name
 * and state for anyone, why it is down only with the token). {@code /healthz} stays the
 * status server's: liveness, no details.
 */
public final class OpsRoutes {

  private static final Logger log = LoggerFactory.getLogger(OpsRoutes.class);
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final OpsMetrics metrics;
  private final OpsQuery query;
  private final Readiness readiness;
  private final HttpToken token;
  private final boolean metricsOpen;

  public OpsRoutes(OpsMetrics metrics, OpsQuery query, Readiness readiness, HttpToken token, VorgConfig config) {
    this.metrics = metrics;
    this.query = query;
    this.readiness = readiness;
    this.token = token;
    this.metricsOpen = config.metrics().openOnLoopback() && loopback(config.http().host());
    if (config.metrics().openOnLoopback() && !metricsOpen) {
      log.warn("metrics.open_on_loopback is set but http.host {} is not loopback: /metrics needs the token", config.http().host());
    }
  }

  public void mount(Router router) {
    router.get("/metrics").handler(this::metrics);
    router.get("/readyz").handler(this::ready);
  }

  private void metrics(RoutingContext ctx) {
    if (!metricsOpen && !token.accepts(ctx.request().getHeader("Authorization"))) {
      ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"vorg\"")
          .putHeader("Content-Type", "text/plain").end("send Authorization: Bearer <token> (the token of /api)\n");
      return;
    }
    metrics.scrape(query)
        .onSuccess(text -> ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(text))
        .onFailure(e -> ctx.response().setStatusCode(503).putHeader("Content-Type", "text/plain")
            .end("metrics unavailable: " + e.getMessage() + "\n"));
  }

  private void ready(RoutingContext ctx) {
    boolean details = token.accepts(ctx.request().getHeader("Authorization"));
    readiness.checks().onSuccess(checks -> ctx.response().setStatusCode(Readiness.ready(checks) ? 200 : 503)
        .putHeader("Content-Type", "application/json").end(Readiness.json(checks, details).encodePrettily()));
  }

  static boolean loopback(String host) {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
