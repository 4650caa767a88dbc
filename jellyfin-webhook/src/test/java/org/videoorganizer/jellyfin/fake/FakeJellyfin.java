package org.videoorganizer.jellyfin.fake;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A Jellyfin 10.11 server for tests, on 127.0.0.1 and an ephemeral port. It follows the API as
 * {@code shared/docs/reference/jellyfin.md} describes it (paths, query parameters in any case,
 * PascalCase JSON, {@code fields} deciding what an item shows, 204/400/401/403/404, the
 * {@code Authorization: MediaBrowser Token="..."} header and the 12.0 mode without legacy
 * headers), keeps a library backed by real folders, applies the {@code Media/Updated} debounce,
 * and can be down, slow, or answer garbage. Its {@linkplain #webhooks plugin} posts item events
 * to a receiver like the Webhook plugin's Generic destination.
 */
public final class FakeJellyfin {

  public static final String VERSION = "10.11.11";

  private final Vertx vertx;
  private final FakeAuth auth = new FakeAuth();
  private final FakeLibrary library = new FakeLibrary();
  private final FakeFaults faults = new FakeFaults();
  private final FakeRecorder recorder = new FakeRecorder();
  private final String serverId = UUID.randomUUID().toString().replace("-", "");
  private final FakeWebhookPlugin plugin;
  private final FakeApi api;
  private volatile HttpServer server;
  private volatile int port;

  private FakeJellyfin(Vertx vertx, String apiKey) {
    this.vertx = vertx;
    auth.addApiKey(apiKey);
    this.plugin = new FakeWebhookPlugin(vertx, serverId, library::item);
    this.api = new FakeApi(vertx, auth, library, faults, recorder, plugin, serverId);
  }

  /** Starts a server that accepts {@code apiKey} as an administrator's API key. */
  public static Future<FakeJellyfin> start(Vertx vertx, String apiKey) {
    FakeJellyfin fake = new FakeJellyfin(vertx, apiKey);
    return fake.listen(0).map(fake);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public URI baseUri() {
    return URI.create(baseUrl());
  }

  public int port() {
    return port;
  }

  public String serverId() {
    return serverId;
  }

  /** Adds a library whose folder Jellyfin sees as {@code location} and which lives on disk at {@code disk}. */
  public String addLibrary(String name, String collectionType, String location, Path disk) {
    return library.addLibrary(name, collectionType, location, disk).itemId();
  }

  /** Legacy authorization: on (10.11 default) accepts X-Emby-Token and friends; off (12.0 default) does not. */
  public FakeJellyfin legacyAuthorization(boolean on) {
    auth.legacy(on);
    return this;
  }

  /** A token of a normal user: may read, gets 403 on admin-only endpoints. */
  public FakeJellyfin addUserToken(String token) {
    auth.addUserToken(token);
    return this;
  }

  /** Jellyfin's {@code LibraryMonitorDelay}: quiet time per reported path before the scan (60 s in reality). */
  public FakeJellyfin libraryMonitorDelay(Duration delay) {
    api.monitorDelay(delay);
    return this;
  }

  /** Makes the next scans identify files whose Jellyfin path contains {@code fragment} as {@code tmdbId}. */
  public FakeJellyfin identifyAs(String fragment, String tmdbId) {
    library.identifyAs(fragment, tmdbId);
    return this;
  }

  /**
   * RemoteSearch/Apply answers only after the item's full refresh: {@code perItem} for the item
   * and as much again for each of a series' episodes (zero: at once).
   */
  public FakeJellyfin applyTakes(Duration perItem) {
    api.applyPerItem(perItem);
    return this;
  }

  /** New items get their provider ids only this long after the scan (a TMDB search by name). */
  public FakeJellyfin metadataDelay(Duration delay) {
    api.metadataDelay(delay);
    return this;
  }

  /** Movies whose Jellyfin path contains {@code fragment} are in the collection {@code name}. */
  public FakeJellyfin collect(String fragment, String name) {
    library.collect(fragment, name);
    return this;
  }

  /**
   * Jellyfin 12.0 with an API key: recursive movie queries group films into their collections
   * unless {@code collapseBoxSetItems=false}; legacy authorization off.
   */
  public FakeJellyfin asVersion12() {
    api.collapseBoxSetsByDefault(true);
    auth.legacy(false);
    return this;
  }

  /** A server path substitution ({@code ServerConfiguration.PathSubstitutions}): {@code Path} shows {@code to}. */
  public FakeJellyfin pathSubstitution(String from, String to) {
    api.pathSubstitution(from, to);
    return this;
  }

  /** A library folder's network path (library options, {@code PathInfos}): {@code Path} shows it. */
  public FakeJellyfin networkPath(String location, String networkPath) {
    api.networkPath(location, networkPath);
    return this;
  }

  /** The most RemoteSearch/Apply requests that were running at the same time. */
  public int mostAppliesAtOnce() {
    return api.mostAppliesAtOnce();
  }

  /** Makes RemoteSearch/Apply answer 204 but change nothing (a correction that does not stick). */
  public FakeJellyfin ignoreApply(boolean on) {
    api.ignoreApply(on);
    return this;
  }

  /** Points the simulated Webhook plugin at a receiver, with static headers (e.g. the secret). */
  public FakeJellyfin webhooks(URI target, Map<String, String> headers, WebhookStyle style) {
    plugin.configure(target, headers, style);
    return this;
  }

  /** The plugin's "Webhook Item Added Notifier" interval (30 s in reality). */
  public FakeJellyfin webhookTick(Duration tick) {
    plugin.tick(tick);
    return this;
  }

  /** Loses every webhook (the plugin is known to miss ItemAdded events). */
  public FakeJellyfin dropWebhooks(boolean on) {
    plugin.dropping(on);
    return this;
  }

  /** Sends every webhook twice (known duplicate ItemAdded bug). */
  public FakeJellyfin duplicateWebhooks(boolean on) {
    plugin.duplicating(on);
    return this;
  }

  /** Posts one item event now, the way the plugin would. */
  public Future<HttpResponse<Buffer>> sendWebhook(String notificationType, FakeItem item) {
    return plugin.post(notificationType, item);
  }

  /** The body the plugin would send for this event (for hostile variations in tests). */
  public String webhookBody(String notificationType, FakeItem item) {
    return plugin.body(notificationType, item);
  }

  public int webhooksSent() {
    return plugin.sent();
  }

  /** Posts the plugin could not deliver (the real plugin only logs them, never retries). */
  public List<Throwable> webhookFailures() {
    return plugin.failures();
  }

  /** Every request answers after {@code delay} (zero: normal). */
  public FakeJellyfin slow(Duration delay) {
    faults.slow(delay);
    return this;
  }

  /** Every API request gets a 200 with a truncated JSON body. */
  public FakeJellyfin garbage(boolean on) {
    faults.garbage(on);
    return this;
  }

  /** Every API request gets this status (0: normal). */
  public FakeJellyfin failWith(int status) {
    faults.failWith(status);
    return this;
  }

  /** Stops listening: connections are refused until {@link #comeBack()}. */
  public Future<Void> goDown() {
    HttpServer s = server;
    server = null;
    return s == null ? Future.succeededFuture() : s.close();
  }

  /** Listens again on the same port. */
  public Future<Void> comeBack() {
    return listen(port).mapEmpty();
  }

  public List<FakeItem> items() {
    return library.items();
  }

  public Optional<FakeItem> itemAt(String jellyfinPath) {
    return library.itemAt(jellyfinPath);
  }

  /** Adds an item directly, as if a scan had found it earlier. */
  public FakeItem putItem(FakeItem item) {
    library.put(item);
    return item;
  }

  /** Removes an item and queues the plugin's ItemDeleted event. */
  public Optional<FakeItem> deleteItem(String id) {
    Optional<FakeItem> removed = library.remove(id);
    removed.ifPresent(i -> plugin.queue("ItemDeleted", i));
    return removed;
  }

  /** How many requests came for {@code method} and a path (exact, case-insensitive). */
  public int calls(String method, String path) {
    return recorder.count(method, path);
  }

  public List<FakeRecorder.Call> requests() {
    return recorder.calls();
  }

  /** The path lists of each accepted {@code POST /Library/Media/Updated}. */
  public List<List<String>> mediaUpdatedBatches() {
    return api.mediaUpdatedBatches();
  }

  public int scans() {
    return api.scans();
  }

  public Future<Void> close() {
    plugin.close();
    return goDown();
  }

  private Future<HttpServer> listen(int onPort) {
    return vertx.createHttpServer().requestHandler(api.router()).listen(onPort, "127.0.0.1")
        .onSuccess(s -> {
          server = s;
          port = s.actualPort();
        });
  }
}
