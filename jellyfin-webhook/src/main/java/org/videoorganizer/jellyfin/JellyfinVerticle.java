package org.videoorganizer.jellyfin;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.jellyfin.announce.Announcer;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.StartupReport;
import org.videoorganizer.jellyfin.confirm.ConfirmationLoop;
import org.videoorganizer.jellyfin.confirm.ConfirmationStore;
import org.videoorganizer.jellyfin.webhook.WebhookEvent;
import org.videoorganizer.jellyfin.webhook.WebhookRoutes;

/**
 * The Jellyfin side as one deployable: the start-up check (which never fails the deployment),
 * the announcer, the confirmation loop and, when a webhook secret is configured, the receiver
 * routes. The daemon deploys it, mounts {@link #mountWebhook} on its router, calls
 * {@link #published} after each publish and adds {@link #status} to {@code /api/status}.
 */
public final class JellyfinVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(JellyfinVerticle.class);

  private final JellyfinSettings settings;
  private final Optional<WebhookSettings> webhook;
  private final ConfirmationStore store;
  private final List<Path> libraryRoots;
  private final Clock clock;
  private final Duration pollTick;
  private volatile JellyfinClient client;
  private volatile Announcer announcer;
  private volatile ConfirmationLoop loop;
  private volatile StartupReport startupReport;

  /**
   * @param libraryRoots our library folders (as the daemon sees them), checked against Jellyfin's libraries
   * @param pollTick the longest the confirmation loop waits between looks at the store (it waits for
   *     the next check's due time, and is woken by webhooks and new expectations; 5 s is plenty)
   */
  public JellyfinVerticle(JellyfinSettings settings, Optional<WebhookSettings> webhook, ConfirmationStore store,
      List<Path> libraryRoots, Clock clock, Duration pollTick) {
    this.settings = settings;
    this.webhook = webhook;
    this.store = store;
    this.libraryRoots = List.copyOf(libraryRoots);
    this.clock = clock;
    this.pollTick = pollTick;
  }

  @Override
  public Future<?> start() {
    client = new JellyfinClient(vertx, settings);
    announcer = new Announcer(vertx, client);
    loop = new ConfirmationLoop(client, store, clock, pollTick);
    loop.start();
    if (webhook.isEmpty()) {
      LOG.warn("{} is not set: {} is not mounted (no Jellyfin webhooks), confirmation relies on polling",
          WebhookSettings.SECRET_VARIABLE, WebhookRoutes.PATH);
    }
    return client.checkAtStart(libraryRoots).onSuccess(report -> startupReport = report);
  }

  @Override
  public Future<?> stop() {
    // The loop's stop waits for its thread to end: not on the event loop.
    return Blocking.onVirtualThread("vorg-jellyfin-stop", () -> {
      loop.stop();
      client.close();
      return null;
    });
  }

  /** Mounts {@code POST /hooks/jellyfin}; does nothing (no route, so 404) without a webhook secret. */
  public void mountWebhook(Router router) {
    webhook.ifPresent(w -> new WebhookRoutes(w, this::onWebhook, clock).mount(router));
  }

  /** After publishing {@code file} (as the daemon sees it) for TMDB {@code tmdbId}: announce it and await Jellyfin. */
  public Future<Void> published(Path file, String tmdbId) {
    if (loop == null) {
      return Future.failedFuture(new IllegalStateException("JellyfinVerticle must be deployed before published(" + file + ")"));
    }
    return loop.expect(file, tmdbId).compose(c -> announcer.announce(file));
  }

  /** After publishing the episode file {@code file}: announce it and await Jellyfin showing it as {@code numbers} of show {@code showTmdbId}. */
  public Future<Void> publishedEpisode(Path file, String showTmdbId, org.videoorganizer.jellyfin.confirm.EpisodeNumbers numbers) {
    if (loop == null) {
      return Future.failedFuture(new IllegalStateException("JellyfinVerticle must be deployed before published(" + file + ")"));
    }
    return loop.expectEpisode(file, showTmdbId, numbers).compose(c -> announcer.announce(file));
  }

  /** Announces {@code file} without awaiting a confirmation (when there is no TMDB id to check it against). */
  public Future<Void> announce(Path file) {
    if (announcer == null) {
      return Future.failedFuture(new IllegalStateException("JellyfinVerticle must be deployed before announce(" + file + ")"));
    }
    return announcer.announce(file);
  }

  /** For {@code /api/status}: start-up check, pending announcements and confirmation counts. */
  public Future<JsonObject> status() {
    if (loop == null) {
      return Future.failedFuture(new IllegalStateException("JellyfinVerticle must be deployed before status()"));
    }
    StartupReport report = startupReport;
    JsonObject announce = new JsonObject().put("pending", announcer.pending()).put("calls", announcer.calls())
        .put("lastError", announcer.lastError().orElse(null));
    return loop.status(20).map(s -> new JsonObject()
        .put("reachableAtStart", report instanceof StartupReport.Reachable)
        .put("warnings", new JsonArray(report == null ? List.of() : report.warnings()))
        .put("announce", announce)
        .put("confirmation", s.toJson()));
  }

  private void onWebhook(WebhookEvent event) {
    ConfirmationLoop current = loop;
    if (current != null) {
      current.onWebhook(event);
    }
  }
}
