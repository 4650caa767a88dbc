package org.videoorganizer.jellyfin.client;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.videoorganizer.jellyfin.JellyfinSettings;

/**
 * The Jellyfin 10.11 (and 12.0) API calls the organizer needs, on the Vert.x WebClient.
 * Authenticates with {@code Authorization: MediaBrowser Token="..."}, the one form both versions
 * accept. Every failure is a {@link JellyfinException} naming the request and the cause.
 */
public final class JellyfinClient implements AutoCloseable {

  // SeriesId, ParentIndexNumber, IndexNumber and IndexNumberEnd are not ItemFields values: Jellyfin
  // always returns them on an episode's BaseItemDto, so asking for them is neither needed nor safe.
  static final String ITEM_FIELDS = "Path,ProviderIds,DateCreated";
  static final String SERIES_FIELDS = "ProviderIds";

  private final WebClient web;
  private final JellyfinSettings settings;
  private final String authorization;
  // Read once: a later change of the server's substitutions needs a restart of the daemon.
  private volatile Future<PathSubstitutions> substitutions;

  public JellyfinClient(Vertx vertx, JellyfinSettings settings) {
    this.settings = settings;
    this.web = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis()))
        .setUserAgent("vorg-jellyfin/0.1"));
    this.authorization = "MediaBrowser Client=\"vorg\", Device=\"vorg-daemon\", DeviceId=\"vorg\", "
        + "Version=\"0.1\", Token=\"" + settings.apiKey() + "\"";
  }

  public JellyfinSettings settings() {
    return settings;
  }

  /** {@code GET /System/Info}: who and which version; proves the key works. */
  public Future<ServerInfo> systemInfo() {
    return send(HttpMethod.GET, "/System/Info", Map.of(), null)
        .map(r -> Responses.serverInfo("GET /System/Info", r.body()));
  }

  /** {@code GET /Library/VirtualFolders}: the libraries and their folders as Jellyfin sees them. */
  public Future<List<VirtualFolder>> virtualFolders() {
    return send(HttpMethod.GET, "/Library/VirtualFolders", Map.of(), null)
        .map(r -> Responses.virtualFolders("GET /Library/VirtualFolders", r.body()));
  }

  /** {@code GET /Items?ids=...&fields=Path,ProviderIds}: the items that still exist, in any order. */
  public Future<List<JellyfinItem>> items(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<String> normal = ids.stream().map(JellyfinClient::checkedId).distinct().toList();
    Map<String, String> query = Map.of("ids", String.join(",", normal), "fields", ITEM_FIELDS,
        "enableImages", "false", "enableUserData", "false");
    return itemsQuery(query);
  }

  /** {@code GET /Items?ids=...&fields=ProviderIds}: series items (for their TMDB ids), in any order. */
  public Future<List<JellyfinItem>> series(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<String> normal = ids.stream().map(JellyfinClient::checkedId).distinct().toList();
    Map<String, String> query = Map.of("ids", String.join(",", normal), "fields", SERIES_FIELDS,
        "enableImages", "false", "enableUserData", "false");
    return itemsQuery(query);
  }

  /** One item by id; empty when Jellyfin does not (or no longer) have it. */
  public Future<Optional<JellyfinItem>> item(String id) {
    String normal = checkedId(id);
    return items(List.of(normal)).map(list -> list.stream().filter(i -> i.id().equals(normal)).findFirst());
  }

  /**
   * Movies and episodes Jellyfin saved since {@code savedSince} (created, refreshed or corrected),
   * newest first: the polling fallback matches them by path. Not by {@code DateCreated} alone:
   * that is the file's time by default, and a hardlinked or moved file keeps the inbox file's
   * time, so a new item can sort far below the newest. {@code collapseBoxSetItems=false} because
   * 12.0 otherwise shows a film in a collection as its collection to an API key.
   */
  public Future<List<JellyfinItem>> savedSince(Instant savedSince, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("savedSince limit must be within 1..1000, got: " + limit);
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("recursive", "true");
    query.put("includeItemTypes", "Movie,Episode,Video");
    query.put("minDateLastSaved", savedSince.truncatedTo(ChronoUnit.SECONDS).toString());
    query.put("collapseBoxSetItems", "false");
    query.put("sortBy", "DateCreated");
    query.put("sortOrder", "Descending");
    query.put("limit", String.valueOf(limit));
    query.put("fields", ITEM_FIELDS);
    query.put("enableImages", "false");
    query.put("enableUserData", "false");
    return itemsQuery(query);
  }

  /**
   * The substitutions Jellyfin applies to the {@code Path} that {@code /Items} shows: each
   * library folder's network path ({@code GET /Library/VirtualFolders}, {@code PathInfos}), then
   * the server's {@code PathSubstitutions} ({@code GET /System/Configuration}). Read once; a
   * refusal (4xx) of either counts as none from it.
   */
  public Future<PathSubstitutions> pathSubstitutions() {
    Future<PathSubstitutions> known = substitutions;
    if (known != null) {
      return known;
    }
    Future<PathSubstitutions> read = readRules("/Library/VirtualFolders", Responses::networkPaths)
        .compose(network -> readRules("/System/Configuration", Responses::pathSubstitutions)
            .map(server -> network.then(server)));
    substitutions = read;
    return read.onFailure(e -> substitutions = null);
  }

  private Future<PathSubstitutions> readRules(String path,
      java.util.function.BiFunction<String, Buffer, PathSubstitutions> parse) {
    return send(HttpMethod.GET, path, Map.of(), null)
        .map(r -> parse.apply("GET " + path, r.body()))
        .recover(e -> e instanceof JellyfinException j && j.status() >= 400 && j.status() < 500
            ? Future.succeededFuture(PathSubstitutions.NONE) : Future.failedFuture(e));
  }

  /** An {@code /Items} query; paths come back as Jellyfin stores them (substitutions undone). */
  private Future<List<JellyfinItem>> itemsQuery(Map<String, String> query) {
    return send(HttpMethod.GET, "/Items", query, null)
        .map(r -> Responses.items("GET /Items", r.body()))
        .compose(items -> pathSubstitutions().map(subs -> subs.isEmpty() ? items : items.stream()
            .map(i -> i.withPath(i.path().map(subs::original)))
            .toList()));
  }

  /** {@code POST /Library/Media/Updated}: Jellyfin rescans these paths (as it sees them). */
  public Future<Void> reportMediaUpdated(List<String> jellyfinPaths) {
    JsonArray updates = new JsonArray();
    jellyfinPaths.forEach(p -> updates.add(new JsonObject().put("Path", p).put("UpdateType", "Created")));
    return send(HttpMethod.POST, "/Library/Media/Updated", Map.of(), new JsonObject().put("Updates", updates))
        .mapEmpty();
  }

  /** {@code POST /Items/{id}/Refresh}: re-reads local metadata (our NFO) and remote providers. */
  public Future<Void> refresh(String id) {
    Map<String, String> query = Map.of("metadataRefreshMode", "FullRefresh", "imageRefreshMode", "Default",
        "replaceAllMetadata", "false", "replaceAllImages", "false");
    return send(HttpMethod.POST, "/Items/" + checkedId(id) + "/Refresh", query, null).mapEmpty();
  }

  /**
   * {@code POST /Items/RemoteSearch/Apply/{id}}: sets the TMDB id Jellyfin should use. Jellyfin
   * answers only after the item's whole metadata and image refresh (for a series, every season
   * and episode), so this waits up to {@code applyTimeout}, not the request timeout; no
   * {@link #refresh} is needed after it.
   */
  public Future<Void> applyTmdbId(String id, String tmdbId) {
    if (!tmdbId.matches("\\d{1,10}")) {
      throw new IllegalArgumentException("TMDB id must be 1..10 digits, got: '" + tmdbId + "'");
    }
    JsonObject body = new JsonObject().put("ProviderIds", new JsonObject().put("Tmdb", tmdbId));
    return send(HttpMethod.POST, "/Items/RemoteSearch/Apply/" + checkedId(id),
        Map.of("replaceAllImages", "true"), body, settings.applyTimeout()).mapEmpty();
  }

  /**
   * Server info, libraries and whether each of our roots lies in a library. Never fails: an
   * unreachable or misconfigured Jellyfin gives {@link StartupReport.Unreachable}.
   */
  public Future<StartupReport> checkAtStart(List<Path> libraryRoots) {
    return StartupCheck.run(this, libraryRoots);
  }

  @Override
  public void close() {
    web.close();
  }

  private Future<HttpResponse<Buffer>> send(HttpMethod method, String path, Map<String, String> query,
      JsonObject body) {
    return send(method, path, query, body, settings.requestTimeout());
  }

  private Future<HttpResponse<Buffer>> send(HttpMethod method, String path, Map<String, String> query,
      JsonObject body, Duration timeout) {
    String name = method + " " + path;
    HttpRequest<Buffer> request = web.requestAbs(method, settings.baseUrl() + path)
        .putHeader("Authorization", authorization)
        .putHeader("Accept", "application/json")
        .timeout(timeout.toMillis());
    query.forEach(request::addQueryParam);
    Future<HttpResponse<Buffer>> sent = body == null
        ? request.send()
        : request.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer());
    return sent.recover(e -> Future.failedFuture(transportError(name, e))).compose(r -> checkStatus(name, r));
  }

  private static Future<HttpResponse<Buffer>> checkStatus(String name, HttpResponse<Buffer> r) {
    if (r.statusCode() >= 200 && r.statusCode() < 300) {
      return Future.succeededFuture(r);
    }
    return Future.failedFuture(JellyfinException.forStatus(name, r.statusCode(), Responses.start(r.body())));
  }

  private static JellyfinException transportError(String name, Throwable e) {
    if (e instanceof JellyfinException j) {
      return j;
    }
    JellyfinException.Kind kind = e instanceof TimeoutException
        ? JellyfinException.Kind.TIMEOUT
        : JellyfinException.Kind.UNREACHABLE;
    return JellyfinException.transport(name, kind, e);
  }

  private static String checkedId(String id) {
    return JellyfinItem.normalizeId(id).orElseThrow(() -> new IllegalArgumentException(
        "Jellyfin item id must be a GUID (32 hex digits, dashes optional), got: '" + id + "'"));
  }
}
