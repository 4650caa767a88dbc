package org.videoorganizer.daemon.announce;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.daemon.pipeline.Announcer;
import org.videoorganizer.daemon.store.PostgresConfirmationStore;
import org.videoorganizer.config.VorgConfig.JellyfinConfig;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.JellyfinVerticle;
import org.videoorganizer.jellyfin.PathMap;
import org.videoorganizer.jellyfin.WebhookSettings;

/**
 * The Jellyfin side of the daemon, present when {@code jellyfin.url} is set: the
 * {@link JellyfinVerticle} (start-up check, announcer, confirmation loop) with its state in
 * PostgreSQL, the pipeline's {@link JellyfinAnnouncer}, {@code POST /hooks/jellyfin} on the
 * daemon's HTTP server (only with a webhook secret), and a {@code jellyfin} part of
 * {@code /api/status}. The deployment is not awaited: a slow or absent Jellyfin never holds up
 * or stops the daemon.
 */
public final class JellyfinIntegration {

  private static final Logger log = LoggerFactory.getLogger(JellyfinIntegration.class);
  private static final Duration MAX_POLL_TICK = Duration.ofSeconds(5);

  private final JellyfinSettings settings;
  private final Optional<WebhookSettings> webhook;
  private final List<Path> libraryRoots;
  private JellyfinVerticle verticle;
  private Vertx vertx;
  private Future<String> deployment;
  private Future<JellyfinVerticle> deployed;
  private JellyfinAnnouncer announcer;

  private JellyfinIntegration(JellyfinSettings settings, Optional<WebhookSettings> webhook, List<Path> libraryRoots) {
    this.settings = settings;
    this.webhook = webhook;
    this.libraryRoots = libraryRoots;
  }

  /**
   * From the {@code jellyfin} part of the configuration (YAML keys or {@code VORG_JELLYFIN_*});
   * empty without {@code jellyfin.url}.
   *
   * @throws IllegalArgumentException naming the key when a value is malformed (a path map, a URL)
   */
  public static Optional<JellyfinIntegration> from(Optional<JellyfinConfig> config, Path library) {
    if (config.isEmpty()) {
      return Optional.empty();
    }
    JellyfinConfig c = config.get();
    JellyfinSettings settings;
    try {
      settings = JellyfinSettings.of(URI.create(c.url()), c.apiKey().reveal())
          .withPathMap(PathMap.parse(c.pathMap()))
          .withRequestTimeout(c.requestTimeout())
          .withAnnounceDebounce(c.announceDebounce())
          .withWebhookWait(c.webhookWait())
          .withGiveUpAfter(c.giveUpAfter());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("jellyfin (jellyfin.* or VORG_JELLYFIN_*): " + e.getMessage(), e);
    }
    // The folders Jellyfin libraries are made of; "Other" is usually not one of them.
    List<Path> roots = List.of(library.resolve("Movies"), library.resolve("TV Shows"));
    return Optional.of(new JellyfinIntegration(settings, c.webhookSecret().map(s -> WebhookSettings.of(s.reveal())), roots));
  }

  /** Deploys the verticle in the background and hands it what earlier runs did not announce. */
  public JellyfinIntegration start(Vertx vertx, Pool pool, Clock clock) {
    verticle = new JellyfinVerticle(settings, webhook, new PostgresConfirmationStore(pool), libraryRoots,
        clock, pollTick(settings));
    this.vertx = vertx;
    deployment = vertx.deployVerticle(verticle);
    deployed = deployment.map(id -> verticle);
    announcer = new JellyfinAnnouncer(vertx, pool, deployed, settings.pathMap());
    deployed.compose(v -> announcer.resume())
        .onSuccess(n -> log.info("Jellyfin integration on {}{}", settings.baseUrl(),
            n == 0 ? "" : ", " + n + " announcement(s) from before the restart queued again"))
        .onFailure(e -> log.warn("Jellyfin integration did not start: {}", e.toString()));
    return this;
  }

  /**
   * Undeploys the verticle: the confirmation loop stops (a verdict being taken is still saved) and
   * the client closes. The daemon calls it before it closes the database. Blocks.
   */
  public void stop() {
    if (deployment == null) {
      return;
    }
    try {
      // A deployment still under way (a start that failed soon after) has started the loop: wait for it, then undeploy.
      Blocking.await(deployment.transform(done -> io.vertx.core.Future.succeededFuture()));
      if (!deployment.succeeded()) {
        return; // its start failed: nothing to undeploy
      }
      Blocking.await(vertx.undeploy(deployment.result()));
    } catch (RuntimeException e) {
      log.warn("the Jellyfin side did not stop cleanly: {}", e.toString());
    }
  }

  public Announcer announcer() {
    return announcer;
  }

  /** Mounts {@code POST /hooks/jellyfin}, or nothing (with the verticle's warning) without a secret. */
  public void mount(Router router) {
    verticle.mountWebhook(router);
  }

  /** Adds {@code jellyfin} to a status document: start-up check, announcements, confirmation counts. */
  public Future<JsonObject> addStatus(JsonObject status) {
    if (deployed == null || !deployed.succeeded()) {
      return Future.succeededFuture(status.put("jellyfin", new JsonObject().put("starting", true)));
    }
    return verticle.status()
        .compose(j -> announcer.pending().map(n -> j.put("queuedAnnouncements", n)))
        .map(j -> status.put("jellyfin", j.put("url", settings.baseUrl().toString())
            .put("webhook", webhook.isPresent() ? "mounted" : "not mounted (no secret)")))
        .recover(e -> Future.succeededFuture(status.put("jellyfin", new JsonObject().put("error", e.getMessage()))));
  }

  /** For the status server: the webhook route when Jellyfin is configured. */
  public static Consumer<Router> routes(Optional<JellyfinIntegration> jellyfin) {
    return router -> jellyfin.ifPresent(j -> j.mount(router));
  }

  /** For the status server: the {@code jellyfin} part when Jellyfin is configured. */
  public static Function<JsonObject, Future<JsonObject>> status(Optional<JellyfinIntegration> jellyfin) {
    return s -> jellyfin.map(j -> j.addStatus(s)).orElseGet(() -> Future.succeededFuture(s));
  }

  /**
   * The longest the confirmation loop waits between looks at the table: it waits for the next
   * check and is woken by this daemon's expectations and webhooks, so this only bounds how late it
   * sees a check saved by another daemon. Half the webhook wait, at most 5 s.
   */
  static Duration pollTick(JellyfinSettings settings) {
    Duration half = settings.webhookWait().dividedBy(2);
    return half.compareTo(MAX_POLL_TICK) > 0 ? MAX_POLL_TICK : half;
  }
}
