package org.videoorganizer.jellyfin.fake;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * The Jellyfin Webhook plugin's Generic destination, as far as the organizer meets it: item
 * events queued and sent on a periodic tick, one POST per item, no retries, no signature, the
 * configured static headers, text/plain unless a Content-Type header is configured.
 * Like {@code ItemAddedManager} (v18..v21), an added item without any provider id is held and
 * looked at again on each tick, at most {@link #MAX_RETRIES} times, then sent anyway; and like
 * {@code GenericClient}, a configured Content-Type that is not a bare media type (for example
 * {@code application/json; charset=utf-8}) makes the send throw before anything is posted.
 */
final class FakeWebhookPlugin {

  /** The template from docs/jellyfin.md, kept as a test resource; a test keeps both equal. */
  static final String TEMPLATE = readTemplate();
  /** {@code ItemAddedManager.MaxRetries}: ticks an added item without provider ids is held. */
  static final int MAX_RETRIES = 10;

  // Matches "application/json", "text/plain"; not "application/json; charset=utf-8" or "json".
  private static final Pattern BARE_MEDIA_TYPE = Pattern.compile("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+");

  private final Vertx vertx;
  private final WebClient web;
  private final String serverId;
  private final Function<String, Optional<FakeItem>> lookup;
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final AtomicInteger sent = new AtomicInteger();
  private volatile URI target;
  private volatile Map<String, String> headers = Map.of();
  private volatile WebhookStyle style = WebhookStyle.TEMPLATE_AS_TEXT;
  private volatile Duration tick = Duration.ofMillis(20);
  private volatile boolean dropping;
  private volatile boolean duplicating;

  FakeWebhookPlugin(Vertx vertx, String serverId, Function<String, Optional<FakeItem>> lookup) {
    this.vertx = vertx;
    this.web = WebClient.create(vertx);
    this.serverId = serverId;
    this.lookup = lookup;
  }

  void configure(URI target, Map<String, String> headers, WebhookStyle style) {
    this.target = target;
    this.headers = Map.copyOf(headers);
    this.style = style;
  }

  void tick(Duration d) {
    tick = d;
  }

  void dropping(boolean on) {
    dropping = on;
  }

  void duplicating(boolean on) {
    duplicating = on;
  }

  int sent() {
    return sent.get();
  }

  List<Throwable> failures() {
    return List.copyOf(failures);
  }

  /** Queues an event as the plugin's scheduled task does; lost when dropping, twice when duplicating. */
  void queue(String notificationType, FakeItem item) {
    if (target == null || dropping) {
      return;
    }
    if ("ItemAdded".equals(notificationType)) {
      vertx.setTimer(Math.max(1, tick.toMillis()), t -> sendAdded(item.id(), 0));
      return;
    }
    vertx.setTimer(Math.max(1, tick.toMillis()), t -> send(notificationType, item));
  }

  /** One tick of the added queue: gone items are dropped, items without provider ids wait a tick. */
  private void sendAdded(String id, int retries) {
    Optional<FakeItem> now = lookup.apply(id);
    if (now.isEmpty()) {
      return;
    }
    if (now.get().providerIds().isEmpty() && retries < MAX_RETRIES) {
      vertx.setTimer(Math.max(1, tick.toMillis()), t -> sendAdded(id, retries + 1));
      return;
    }
    send("ItemAdded", now.get());
  }

  private void send(String notificationType, FakeItem item) {
    post(notificationType, item).onFailure(failures::add);
    if (duplicating) {
      post(notificationType, item).onFailure(failures::add);
    }
  }

  Future<HttpResponse<Buffer>> post(String notificationType, FakeItem item) {
    URI to = target;
    if (to == null) {
      return Future.failedFuture(new IllegalStateException("no webhook target configured"));
    }
    boolean json = style != WebhookStyle.TEMPLATE_AS_TEXT;
    String contentType = json ? "application/json" : "text/plain";
    Map<String, String> others = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("Content-Type") && !h.getValue().isEmpty()) {
        contentType = h.getValue();
      } else {
        others.put(h.getKey(), h.getValue());
      }
    }
    if (!BARE_MEDIA_TYPE.matcher(contentType).matches()) {
      // new StringContent(body, Encoding.UTF8, "application/json; charset=utf-8") throws a
      // FormatException, which GenericClient does not catch: nothing is sent, Jellyfin logs it.
      return Future.failedFuture(new IllegalArgumentException("The format of value '" + contentType
          + "' is invalid (the plugin's Content-Type must be a bare media type)"));
    }
    sent.incrementAndGet();
    HttpRequest<Buffer> request = web.postAbs(to.toString());
    // StringContent adds the charset itself.
    request.putHeader("Content-Type", contentType + "; charset=utf-8");
    others.forEach(request::putHeader);
    return request.sendBuffer(Buffer.buffer(body(notificationType, item)));
  }

  String body(String notificationType, FakeItem item) {
    if (style == WebhookStyle.SEND_ALL_PROPERTIES) {
      Map<String, Object> data = data(notificationType, item, false);
      return new JsonObject(data).encode();
    }
    return MiniHandlebars.render(TEMPLATE, data(notificationType, item, true));
  }

  private Map<String, Object> data(String notificationType, FakeItem item, boolean dashedIds) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("ServerId", serverId);
    d.put("ServerName", escapeQuotes("fake-jellyfin"));
    d.put("ServerVersion", FakeJellyfin.VERSION);
    d.put("ServerUrl", "");
    d.put("NotificationType", notificationType);
    d.put("Timestamp", Instant.now().toString());
    d.put("UtcTimestamp", Instant.now().toString());
    d.put("Name", escapeQuotes(item.name()));
    d.put("Overview", "");
    d.put("ItemId", dashedIds ? DotNetGuid.d(item.id()) : item.id());
    d.put("ItemType", item.type());
    if (item.productionYear() > 0) {
      d.put("Year", item.productionYear());
    }
    item.providerIds().forEach((k, v) -> d.put("Provider_" + k.toLowerCase(java.util.Locale.ROOT), v));
    return d;
  }

  /** The plugin's Escape(): only turns " into \" (backslashes and newlines stay). */
  private static String escapeQuotes(String s) {
    return s.replace("\"", "\\\"");
  }

  private static String readTemplate() {
    try (InputStream in = FakeWebhookPlugin.class.getResourceAsStream("/jellyfin-webhook-template.handlebars")) {
      if (in == null) {
        throw new IllegalStateException("test resource jellyfin-webhook-template.handlebars is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void close() {
    web.close();
  }
}
