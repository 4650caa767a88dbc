package org.videoorganizer.jellyfin.webhook;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.jellyfin.WebhookSettings;

/**
 * {@code POST /hooks/jellyfin} for the Jellyfin Webhook plugin's Generic destination. Checks the
 * shared secret in {@code X-Vorg-Secret} (constant time) before reading the body, limits the
 * body size, accepts {@code text/plain} (the plugin's default) and {@code application/json},
 * drops duplicate deliveries, and passes on only the event kind and the normalized item id.
 *
 * <p>Answers: 202 accepted, 200 duplicate or ignored event type, 400 malformed, 401 no or wrong
 * secret, 413 body too large, 415 other content types.
 */
public final class WebhookRoutes {

  public static final String PATH = "/hooks/jellyfin";
  public static final String SECRET_HEADER = "X-Vorg-Secret";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

  private final byte[] secretDigest;
  private final WebhookSettings settings;
  private final Consumer<WebhookEvent> listener;
  private final Clock clock;
  private final RecentDeliveries recent;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  public WebhookRoutes(WebhookSettings settings, Consumer<WebhookEvent> listener, Clock clock) {
    this.settings = settings;
    this.secretDigest = sha256(settings.secret());
    this.listener = listener;
    this.clock = clock;
    this.recent = new RecentDeliveries(clock, settings.duplicateWindow());
  }

  /**
   * Adds the routes to the daemon's router. Mount before any router-wide {@code BodyHandler}, so
   * that the secret is checked before a body is read and this route's size limit applies.
   */
  public void mount(Router router) {
    router.post(PATH).handler(this::checkSecret);
    router.post(PATH)
        .handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
        .handler(this::checkContentType)
        .handler(this::receive)
        .failureHandler(this::failed);
  }

  /** Events passed on so far. */
  public long accepted() {
    return accepted.get();
  }

  /** Requests answered 4xx so far. */
  public long refused() {
    return refused.get();
  }

  private void checkSecret(RoutingContext ctx) {
    String given = ctx.request().getHeader(SECRET_HEADER);
    if (given == null || !MessageDigest.isEqual(secretDigest, sha256(given))) {
      LOG.warn("refused a webhook from {}: {} header missing or wrong", remoteIp(ctx), SECRET_HEADER);
      answer(ctx, 401, new JsonObject().put("error", SECRET_HEADER + " header missing or wrong"));
      return;
    }
    ctx.next();
  }

  private void checkContentType(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!base.isEmpty() && !base.equals("text/plain") && !base.equals("application/json")) {
      answer(ctx, 415, new JsonObject().put("error",
          "Content-Type must be text/plain or application/json (use the plugin's Generic destination), got: " + base));
      return;
    }
    ctx.next();
  }

  private void failed(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      answer(ctx, 413, new JsonObject().put("error", "body larger than " + settings.maxBodyBytes() + " bytes"));
    } else {
      LOG.warn("webhook request failed: {}", String.valueOf(ctx.failure()));
      answer(ctx, ctx.statusCode() > 0 ? ctx.statusCode() : 500, new JsonObject().put("error", "internal error"));
    }
  }

  private void receive(RoutingContext ctx) {
    switch (PayloadParser.parse(ctx.body().buffer(), clock.instant())) {
      case PayloadParser.Malformed m -> answer(ctx, 400, new JsonObject().put("error", m.reason()));
      case PayloadParser.Ignored i -> answer(ctx, 200, new JsonObject().put("ignored", i.notificationType()));
      case PayloadParser.Event e -> deliver(ctx, e.event());
    }
  }

  private void deliver(RoutingContext ctx, WebhookEvent event) {
    String key = event.type() + ":" + event.itemId();
    if (!recent.firstTime(key)) {
      answer(ctx, 200, new JsonObject().put("duplicate", true));
      return;
    }
    WebhookEvent.Type other = event.type() == WebhookEvent.Type.ITEM_ADDED
        ? WebhookEvent.Type.ITEM_DELETED : WebhookEvent.Type.ITEM_ADDED;
    recent.forget(other + ":" + event.itemId());
    accepted.incrementAndGet();
    listener.accept(event);
    answer(ctx, 202, new JsonObject().put("accepted", true));
  }

  private void answer(RoutingContext ctx, int status, JsonObject body) {
    if (status >= 400) {
      refused.incrementAndGet();
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  /** The peer's IP address as text; never a reverse DNS look-up, which can stall the event loop. */
  private static String remoteIp(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
