package org.videoorganizer.jellyfin.fake;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.videoorganizer.jellyfin.fake.FakeAuth.Role;

/** The fake server's endpoints. */
final class FakeApi {

  private final Vertx vertx;
  private final FakeAuth auth;
  private final FakeLibrary library;
  private final FakeFaults faults;
  private final FakeRecorder recorder;
  private final FakeWebhookPlugin plugin;
  private final String serverId;
  private final Map<String, Long> pendingRefreshers = new ConcurrentHashMap<>();
  private final List<List<String>> mediaUpdated = new CopyOnWriteArrayList<>();
  private final AtomicInteger scans = new AtomicInteger();
  private volatile Duration monitorDelay = Duration.ofMillis(50);
  private volatile boolean ignoreApply;
  private volatile Duration applyPerItem = Duration.ZERO;
  private volatile Duration metadataDelay = Duration.ZERO;
  private volatile boolean collapseBoxSetsByDefault;
  private final List<Map.Entry<String, String>> pathSubstitutions = new CopyOnWriteArrayList<>();
  private final Map<String, String> networkPaths = new ConcurrentHashMap<>();
  private final AtomicInteger appliesRunning = new AtomicInteger();
  private final AtomicInteger mostAppliesAtOnce = new AtomicInteger();

  FakeApi(Vertx vertx, FakeAuth auth, FakeLibrary library, FakeFaults faults, FakeRecorder recorder,
      FakeWebhookPlugin plugin, String serverId) {
    this.vertx = vertx;
    this.auth = auth;
    this.library = library;
    this.faults = faults;
    this.recorder = recorder;
    this.plugin = plugin;
    this.serverId = serverId;
  }

  void monitorDelay(Duration d) {
    monitorDelay = d;
  }

  void ignoreApply(boolean on) {
    ignoreApply = on;
  }

  void applyPerItem(Duration d) {
    applyPerItem = d;
  }

  void metadataDelay(Duration d) {
    metadataDelay = d;
  }

  void collapseBoxSetsByDefault(boolean on) {
    collapseBoxSetsByDefault = on;
  }

  void networkPath(String location, String networkPath) {
    networkPaths.put(location, networkPath);
  }

  void pathSubstitution(String from, String to) {
    pathSubstitutions.add(Map.entry(from, to));
  }

  int mostAppliesAtOnce() {
    return mostAppliesAtOnce.get();
  }

  List<List<String>> mediaUpdatedBatches() {
    return List.copyOf(mediaUpdated);
  }

  int scans() {
    return scans.get();
  }

  Router router() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
    router.route().handler(this::recordAndMisbehave);
    router.get("/System/Info/Public").handler(ctx -> json(ctx, 200, systemInfo()));
    router.get("/System/Info").handler(ctx -> allowed(ctx, Role.USER, () -> json(ctx, 200, systemInfo())));
    router.get("/System/Configuration").handler(ctx -> allowed(ctx, Role.ADMIN, () -> json(ctx, 200, configuration())));
    router.get("/Library/VirtualFolders").handler(ctx -> allowed(ctx, Role.ADMIN, () -> virtualFolders(ctx)));
    router.post("/Library/Media/Updated").handler(ctx -> allowed(ctx, Role.USER, () -> mediaUpdated(ctx)));
    router.post("/Library/Refresh").handler(ctx -> allowed(ctx, Role.ADMIN, () -> ctx.response().setStatusCode(204).end()));
    router.get("/Items").handler(ctx -> allowed(ctx, Role.USER, () -> items(ctx)));
    router.post("/Items/RemoteSearch/Apply/:id").handler(ctx -> allowed(ctx, Role.ADMIN, () -> apply(ctx)));
    router.post("/Items/:id/Refresh").handler(ctx -> allowed(ctx, Role.ADMIN, () -> refresh(ctx)));
    router.route().last().handler(ctx -> ctx.response().setStatusCode(404).end());
    return router;
  }

  private void recordAndMisbehave(RoutingContext ctx) {
    recorder.record(new FakeRecorder.Call(ctx.request().method().name(), ctx.normalizedPath(),
        String.valueOf(ctx.request().query()), ctx.request().getHeader("Authorization"),
        ctx.body().buffer() == null ? "" : ctx.body().asString()));
    long delay = faults.slow().toMillis();
    Runnable next = () -> {
      if (faults.failWith() > 0) {
        ctx.response().setStatusCode(faults.failWith()).end("fake failure");
      } else if (faults.garbage()) {
        ctx.response().putHeader("Content-Type", "application/json").end("{\"Items\":[{\"Id\":\"");
      } else {
        ctx.next();
      }
    };
    if (delay > 0) {
      vertx.setTimer(delay, t -> next.run());
    } else {
      next.run();
    }
  }

  private void allowed(RoutingContext ctx, Role needed, Runnable action) {
    Role role = auth.roleOf(ctx.request());
    if (role == Role.NONE) {
      ctx.response().setStatusCode(401).end();
    } else if (needed == Role.ADMIN && role != Role.ADMIN) {
      ctx.response().setStatusCode(403).end();
    } else {
      action.run();
    }
  }

  private JsonObject systemInfo() {
    return new JsonObject().put("LocalAddress", "http://127.0.0.1").put("ServerName", "fake-jellyfin")
        .put("Version", FakeJellyfin.VERSION).put("ProductName", "Jellyfin Server")
        .put("OperatingSystem", "Linux").put("Id", serverId).put("StartupWizardCompleted", true);
  }

  /** The part of ServerConfiguration the organizer reads: {@code PathSubstitutions} ({@code From}, {@code To}). */
  private JsonObject configuration() {
    JsonArray subs = new JsonArray();
    pathSubstitutions.forEach(e -> subs.add(new JsonObject().put("From", e.getKey()).put("To", e.getValue())));
    return new JsonObject().put("LibraryMonitorDelay", 60).put("PathSubstitutions", subs)
        .put("EnableLegacyAuthorization", auth.legacy());
  }

  /**
   * LibraryManager.GetPathAfterNetworkSubstitution: the first library folder's network path, then
   * the first server substitution, whose own path is a folder prefix.
   */
  private String shownPath(String path) {
    List<Map.Entry<String, String>> rules = new ArrayList<>(networkPaths.entrySet());
    rules.addAll(pathSubstitutions);
    for (Map.Entry<String, String> e : rules) {
      String from = e.getKey();
      if (path.equals(from) || path.startsWith(from.endsWith("/") ? from : from + "/")) {
        String to = e.getValue();
        String rest = path.substring(from.length());
        // Like TryReplaceSubPath: the rest takes the separator of the new prefix.
        return to + (to.contains("\\") && !to.contains("/") ? rest.replace('/', '\\') : rest);
      }
    }
    return path;
  }

  private void virtualFolders(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    library.libraries().forEach(l -> {
      JsonObject folder = FakeLibrary.virtualFolder(l);
      Optional.ofNullable(networkPaths.get(l.location())).ifPresent(np -> folder.getJsonObject("LibraryOptions")
          .getJsonArray("PathInfos").getJsonObject(0).put("NetworkPath", np));
      out.add(folder);
    });
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").setStatusCode(200).end(out.encode());
  }

  private void mediaUpdated(RoutingContext ctx) {
    String type = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      ctx.response().setStatusCode(415).end();
      return;
    }
    Optional<List<String>> paths = updatePaths(ctx);
    if (paths.isEmpty()) {
      ctx.response().setStatusCode(400).end("{\"title\":\"One or more validation errors occurred.\"}");
      return;
    }
    mediaUpdated.add(paths.get());
    paths.get().forEach(this::restartRefresher);
    ctx.response().setStatusCode(204).end();
  }

  private Optional<List<String>> updatePaths(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      Object updates = body == null ? null : ignoreCase(body, "Updates");
      if (!(updates instanceof JsonArray array)) {
        return Optional.empty();
      }
      List<String> paths = new ArrayList<>();
      for (Object u : array) {
        Object path = u instanceof JsonObject o ? ignoreCase(o, "Path") : null;
        if (!(path instanceof String p) || p.isBlank()) {
          return Optional.empty();
        }
        paths.add(p);
      }
      return Optional.of(paths);
    } catch (DecodeException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /**
   * Like Jellyfin's LibraryMonitor: reports of paths in the same library share one refresher,
   * whose timer restarts with each report; when it fires the library is scanned once.
   */
  private void restartRefresher(String path) {
    String key = library.libraryHolding(path).map(FakeLibrary.Library::itemId).orElse(path);
    Long old = pendingRefreshers.remove(key);
    if (old != null) {
      vertx.cancelTimer(old);
    }
    pendingRefreshers.put(key, vertx.setTimer(Math.max(1, monitorDelay.toMillis()), t -> {
      pendingRefreshers.remove(key);
      scan(path);
    }));
  }

  private void scan(String path) {
    scans.incrementAndGet();
    vertx.executeBlocking(() -> library.scan(path, Instant.now())).onSuccess(result -> {
      result.added().forEach(this::lookUpMetadataLater);
      result.added().forEach(i -> plugin.queue("ItemAdded", i));
      result.removed().forEach(i -> plugin.queue("ItemDeleted", i));
    });
  }

  /**
   * With a metadata delay, a new item has no provider ids until its refresh found them (a search
   * at TMDB, when the name carries no id): the Webhook plugin holds ItemAdded meanwhile.
   */
  private void lookUpMetadataLater(FakeItem added) {
    long delay = metadataDelay.toMillis();
    if (delay <= 0 || added.providerIds().isEmpty()) {
      return;
    }
    library.put(added.withProviderIds(Map.of()));
    vertx.setTimer(delay, t -> library.item(added.id())
        .ifPresent(now -> library.put(now.withProviderIds(added.providerIds()).savedAt(Instant.now()))));
  }

  private void items(RoutingContext ctx) {
    Set<String> fields = csv(ctx, "fields").stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    List<String> ids = csv(ctx, "ids");
    if (ids.stream().anyMatch(id -> !id.matches("[0-9a-fA-F]{32}|[0-9a-fA-F-]{36}"))) {
      ctx.response().setStatusCode(400).end("{\"title\":\"The value is not valid for ids.\"}");
      return;
    }
    List<FakeItem> found = select(ctx, ids.stream().map(i -> i.replace("-", "").toLowerCase(Locale.ROOT)).toList());
    JsonArray out = new JsonArray();
    found.forEach(i -> out.add(FakeLibrary.dto(i, fields, serverId, this::shownPath)));
    json(ctx, 200, new JsonObject().put("Items", out).put("TotalRecordCount", found.size()).put("StartIndex", 0));
  }

  private List<FakeItem> select(RoutingContext ctx, List<String> ids) {
    Set<String> types = Set.copyOf(csv(ctx, "includeItemTypes"));
    Optional<String> parent = FakeAuth.query(ctx.request().params(), "parentId");
    Optional<Instant> savedSince = FakeAuth.query(ctx.request().params(), "minDateLastSaved").map(Instant::parse);
    List<FakeItem> all = library.items().stream()
        .filter(i -> ids.isEmpty() || ids.contains(i.id()))
        .filter(i -> types.isEmpty() || types.contains(i.type()))
        .filter(i -> parent.isEmpty() || parent.get().replace("-", "").equalsIgnoreCase(i.libraryId()))
        .filter(i -> savedSince.isEmpty() || !i.dateLastSaved().isBefore(savedSince.get()))
        .map(i -> collapses(ctx, ids) ? library.collectionOf(i).orElse(i) : i)
        .distinct()
        .sorted(Comparator.comparing(FakeItem::dateCreated))
        .collect(Collectors.toCollection(ArrayList::new));
    boolean byDate = FakeAuth.query(ctx.request().params(), "sortBy").map(s -> s.contains("DateCreated")).orElse(false);
    boolean descending = FakeAuth.query(ctx.request().params(), "sortOrder").map("Descending"::equalsIgnoreCase).orElse(false);
    if (byDate && descending) {
      java.util.Collections.reverse(all);
    }
    int limit = FakeAuth.query(ctx.request().params(), "limit").map(Integer::parseInt).orElse(Integer.MAX_VALUE);
    return all.subList(0, Math.min(limit, all.size()));
  }

  /**
   * Whether movies show as their collection: a recursive query without ids and search term, with
   * {@code collapseBoxSetItems} true or, on 12.0 with an API key (no user to ask), left out.
   */
  private boolean collapses(RoutingContext ctx, List<String> ids) {
    var params = ctx.request().params();
    if (!ids.isEmpty() || FakeAuth.query(params, "searchTerm").isPresent()
        || !FakeAuth.query(params, "recursive").map("true"::equalsIgnoreCase).orElse(false)) {
      return false;
    }
    return FakeAuth.query(params, "collapseBoxSetItems").map("true"::equalsIgnoreCase)
        .orElse(collapseBoxSetsByDefault);
  }

  private void refresh(RoutingContext ctx) {
    String id = ctx.pathParam("id").replace("-", "").toLowerCase(Locale.ROOT);
    ctx.response().setStatusCode(library.item(id).isPresent() ? 204 : 404).end();
  }

  /**
   * Like ItemLookupController.ApplySearchCriteria: sets the ids, then runs the full metadata and
   * image refresh before answering 204; for a series that walks every season and episode, so it
   * takes {@code applyPerItem} for the series and each of its episodes.
   */
  private void apply(RoutingContext ctx) {
    String id = ctx.pathParam("id").replace("-", "").toLowerCase(Locale.ROOT);
    Optional<FakeItem> item = library.item(id);
    if (item.isEmpty()) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    String type = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      ctx.response().setStatusCode(415).end();
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException e) {
      body = null;
    }
    if (body == null || !(ignoreCase(body, "ProviderIds") instanceof JsonObject ids)) {
      ctx.response().setStatusCode(400).end();
      return;
    }
    Map<String, String> newIds = new java.util.LinkedHashMap<>();
    ids.forEach(e -> newIds.put(e.getKey(), String.valueOf(e.getValue())));
    long children = library.items().stream().filter(i -> id.equals(i.seriesId())).count();
    long millis = applyPerItem.multipliedBy(1 + children).toMillis();
    mostAppliesAtOnce.accumulateAndGet(appliesRunning.incrementAndGet(), Math::max);
    Runnable finish = () -> {
      appliesRunning.decrementAndGet();
      if (!ignoreApply) {
        library.item(id).ifPresent(now -> library.put(now.withProviderIds(newIds).savedAt(Instant.now())));
      }
      if (!ctx.response().closed() && !ctx.response().ended()) {
        ctx.response().setStatusCode(204).end();
      }
    };
    if (millis > 0) {
      vertx.setTimer(millis, t -> finish.run());
    } else {
      finish.run();
    }
  }

  private static List<String> csv(RoutingContext ctx, String name) {
    return FakeAuth.query(ctx.request().params(), name)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  private static Object ignoreCase(JsonObject o, String key) {
    return o.fieldNames().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().map(o::getValue).orElse(null);
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").setStatusCode(status).end(body.encode());
  }
}
