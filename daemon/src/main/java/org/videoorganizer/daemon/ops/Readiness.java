package org.videoorganizer.daemon.ops;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.store.OpsQuery;

/**
 * What {@code /readyz} reports: each dependency (database, Redis, library, every source,
 * Jellyfin, rclone) with {@code ok}, {@code down} or {@code not_configured}, and why when down.
 * Ready means nothing configured is down. Each check has a deadline, so a hung mount makes its
 * check down instead of hanging the answer.
 */
public final class Readiness {

  static final Duration DEADLINE = Duration.ofSeconds(3);

  /** One dependency's state; {@code detail} says why it is down (paths, errors): for the token holder only. */
  public record Check(String name, String state, String detail) {
    static Check ok(String name) {
      return new Check(name, "ok", "");
    }

    static Check down(String name, String why) {
      return new Check(name, "down", why);
    }

    static Check notConfigured(String name, String what) {
      return new Check(name, "not_configured", what);
    }
  }

  private final OpsQuery db;
  private final VorgConfig config;
  private final BooleanSupplier redisHealthy;
  private final HttpClient http;
  private final java.util.function.Supplier<JsonObject> sync;

  public Readiness(Vertx vertx, Pool pool, VorgConfig config, BooleanSupplier redisHealthy) {
    this(vertx, pool, config, redisHealthy, JsonObject::new);
  }

  /** {@code sync}: the remote sources' status ({@code daemon.sync} of /api/status), one object per source. */
  public Readiness(Vertx vertx, Pool pool, VorgConfig config, BooleanSupplier redisHealthy,
      java.util.function.Supplier<JsonObject> sync) {
    this.sync = sync;
    this.db = new OpsQuery(pool);
    this.config = config;
    this.redisHealthy = redisHealthy;
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) DEADLINE.toMillis()));
  }

  public Future<List<Check>> checks() {
    List<Future<Check>> all = new ArrayList<>();
    all.add(database());
    all.add(Future.succeededFuture(config.redis().isEmpty() ? Check.notConfigured("redis", "in-process dispatch")
        : redisHealthy.getAsBoolean() ? Check.ok("redis") : Check.down("redis", "the stream is unreachable; polling PostgreSQL")));
    all.add(folder("library", config.library(), config.libraryMarker()));
    config.sources().forEach(s -> all.add(folder("source:" + s.name(), s.path(), s.marker())));
    all.add(jellyfin());
    all.add(Future.succeededFuture(rclone()));
    return Future.join(all).transform(x -> Future.succeededFuture(all.stream().map(Future::result).toList()));
  }

  // Down when a remote source's last run ended on a problem with rclone itself or the remote
  // (rclone missing or too old, the remote not in rclone.conf, credentials refused).
  private Check rclone() {
    if (config.rclone().remoteSources().isEmpty()) {
      return Check.notConfigured("rclone", "no remote source configured");
    }
    List<String> problems = new ArrayList<>();
    JsonObject sources = sync.get();
    for (String name : sources.fieldNames()) {
      JsonObject problem = sources.getJsonObject(name).getJsonObject("problem");
      if (problem != null) {
        problems.add(name + ": " + problem.getString("kind") + " " + problem.getString("message"));
      }
    }
    return problems.isEmpty() ? Check.ok("rclone") : Check.down("rclone", String.join("; ", problems));
  }

  /** The JSON body: {@code ready} and each check; details only when {@code withDetails}. */
  public static JsonObject json(List<Check> checks, boolean withDetails) {
    JsonArray list = new JsonArray();
    checks.forEach(c -> {
      JsonObject o = new JsonObject().put("name", c.name()).put("state", c.state());
      if (withDetails && !c.detail().isEmpty()) {
        o.put("detail", c.detail());
      }
      list.add(o);
    });
    return new JsonObject().put("ready", ready(checks)).put("checks", list);
  }

  public static boolean ready(List<Check> checks) {
    return checks.stream().noneMatch(c -> c.state().equals("down"));
  }

  private Future<Check> database() {
    return db.ping().map(v -> Check.ok("database"))
        .timeout(DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .otherwise(e -> Check.down("database", String.valueOf(e.getMessage())));
  }

  private Future<Check> folder(String name, Path path, Optional<String> marker) {
    return Blocking.onVirtualThread("vorg-readiness", () -> {
      if (!Files.isDirectory(path)) {
        return Check.down(name, path + " is not a folder (not mounted?)");
      }
      if (marker.isPresent() && !Files.exists(path.resolve(marker.get()))) {
        return Check.down(name, "the mount marker " + path.resolve(marker.get()) + " is missing (mount down?)");
      }
      return Check.ok(name);
    }).timeout(DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .otherwise(e -> Check.down(name, "no answer from " + path + " within " + DEADLINE.toSeconds() + "s (hung mount?)"));
  }

  /** {@code GET /System/Info/Public}: answered by a running Jellyfin without a key. */
  private Future<Check> jellyfin() {
    if (config.jellyfin().isEmpty()) {
      return Future.succeededFuture(Check.notConfigured("jellyfin", "no jellyfin.url"));
    }
    URI base = URI.create(config.jellyfin().get().url());
    String path = (base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "")) + "/System/Info/Public";
    RequestOptions req = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
        .setPort(base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80)
        .setSsl("https".equals(base.getScheme())).setURI(path).setTimeout(DEADLINE.toMillis());
    return http.request(req).compose(r -> r.send()).map(resp -> resp.statusCode() == 200 ? Check.ok("jellyfin")
            : Check.down("jellyfin", base + " answered " + resp.statusCode()))
        .otherwise(e -> Check.down("jellyfin", base + ": " + e.getMessage()));
  }
}
