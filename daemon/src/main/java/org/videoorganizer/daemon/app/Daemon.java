package org.videoorganizer.daemon.app;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.daemon.alerts.AlertMonitor;
import org.videoorganizer.daemon.announce.JellyfinIntegration;
import org.videoorganizer.daemon.backup.Backups;
import org.videoorganizer.daemon.http.HttpToken;
import org.videoorganizer.daemon.http.StatusVerticle;
import org.videoorganizer.daemon.ingest.Ingestor;
import org.videoorganizer.daemon.ops.MeteredJobHandler;
import org.videoorganizer.daemon.ops.OpsMetrics;
import org.videoorganizer.daemon.ops.OpsRoutes;
import org.videoorganizer.daemon.ops.Readiness;
import org.videoorganizer.daemon.analyze.VideoAnalysis;
import org.videoorganizer.daemon.pipeline.Pipeline;
import org.videoorganizer.daemon.queue.Dispatcher;
import org.videoorganizer.daemon.review.ReviewService;
import org.videoorganizer.daemon.store.DailyStats;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.JobStore;
import org.videoorganizer.daemon.store.OpsQuery;
import org.videoorganizer.daemon.store.OwnerOnly;
import org.videoorganizer.daemon.store.PostgresCostLedger;
import org.videoorganizer.daemon.store.StatusQuery;
import org.videoorganizer.daemon.store.SyncStore;
import org.videoorganizer.daemon.store.VideoStore;
import org.videoorganizer.daemon.sync.RcdSupervisor;
import org.videoorganizer.daemon.sync.RemoteLibrary;
import org.videoorganizer.daemon.sync.SyncScheduler;

/**
 * The composition root of {@code vorg daemon}: database (embedded or external), pipeline,
 * dispatcher (Redis or in-process), ingestion and the status endpoints. {@link #stop} is the
 * graceful shutdown: no new work, running steps finish or are released, leases given back.
 */
public final class Daemon {

  private static final Logger log = LoggerFactory.getLogger(Daemon.class);
  static final Duration GRACE = Duration.ofSeconds(20);
  private static final Duration USAGE_EVERY = Duration.ofMinutes(1);
  // A scan running longer than this is listed under daemon.slow_scans (a walk of a hung mount?).
  private static final Duration SLOW_SCAN = Duration.ofMinutes(5);

  private final StatusVerticle http;
  private final HttpToken token;
  private final Started started;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Daemon(StatusVerticle http, HttpToken token, Started started) {
    this.http = http;
    this.token = token;
    this.started = started;
  }

  /**
   * Starts everything; returns once the status endpoints listen. A start that fails stops what it
   * had started, the last part first, and throws the original error.
   */
  public static Daemon start(VorgConfig config) throws IOException {
    Clock clock = Clock.systemUTC(); // every time decision of the daemon's own reads this one
    Optional<JellyfinIntegration> jellyfin = JellyfinIntegration.from(config.jellyfin(), config.library());
    OwnerOnly.createDirectories(config.dataDir());
    if (config.libraryMarker().isEmpty()) {
      Files.createDirectories(config.library()); // with a marker, an absent library is a mount that is down
    }
    HttpToken token = HttpToken.resolve(config.http(), config.dataDir());
    OpsMetrics metrics = new OpsMetrics();
    Vertx vertx = metrics.newVertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4));
    Started started = new Started();
    started.add("Vert.x", grace -> Blocking.await(vertx.close())); // with it the status endpoints and the clients
    try {
      return start(config, clock, jellyfin, token, metrics, vertx, started);
    } catch (RuntimeException | IOException | Error e) {
      log.info("start failed: stopping what had started");
      started.stopAll(GRACE).forEach(e::addSuppressed);
      throw e;
    }
  }

  private static Daemon start(VorgConfig config, Clock clock, Optional<JellyfinIntegration> jellyfin, HttpToken token,
      OpsMetrics metrics, Vertx vertx, Started started) throws IOException {
    Database db = Blocking.await(Database.open(vertx, config.database(), config.dataDir()));
    started.add("the database", grace -> Blocking.await(db.close()));
    jellyfin.ifPresent(j -> {
      j.start(vertx, db.pool(), clock);
      // The confirmation loop saves what it decided while the database is still open.
      started.add("the Jellyfin side", grace -> j.stop());
    });
    Optional<TmdbClient> tmdb = Pipeline.tmdbClient(config.tmdb());
    tmdb.ifPresent(metrics::watch);
    Optional<TmdbUsage> usage = tmdb.map(c -> new TmdbUsage(c, new DailyStats(db.pool())));
    usage.ifPresent(u -> {
      vertx.setPeriodic(USAGE_EVERY.toMillis(), id -> u.flush());
      started.add("TMDB usage of the last minute", grace -> Blocking.await(u.flush()));
    });
    PostgresCostLedger costs = new PostgresCostLedger(db.pool());
    Optional<VideoAnalysis> analysis = VideoAnalysis.create(config.analysis(), vertx, costs, clock);
    Optional<RcdSupervisor> rcd = SyncScheduler.rcd(config.rclone(), config.dataDir());
    rcd.ifPresent(r -> started.add("rclone", grace -> r.close()));
    SyncStore syncStore = new SyncStore(db.pool());
    Optional<RemoteLibrary> remoteLibrary = RemoteWiring.library(config, rcd, syncStore, clock);
    remoteLibrary.ifPresent(l -> started.add("the remote library's publish journal", grace -> l.close()));
    Pipeline pipeline = Pipeline.create(config, db.pool(), Pipeline.identifier(config.tmdb(), tmdb), analysis,
        jellyfin.map(JellyfinIntegration::announcer), remoteLibrary);
    started.add("the pipeline", grace -> pipeline.close());
    Dispatcher dispatcher = Dispatcher.create(vertx, new JobStore(db.pool()), config.redis(),
        new MeteredJobHandler(pipeline, metrics.registry()), config.workers());
    Ingestor ingestor = new Ingestor(new VideoStore(db.pool()), config.sources(), config.ingest(), dispatcher::ring,
        clock);
    Optional<SyncScheduler> sync = rcd.isEmpty() ? Optional.empty() : SyncScheduler.create(config.rclone(),
        config.dataDir(), rcd.get(), syncStore, RemoteWiring.syncOwner(config), jellyfin.isPresent(),
        clock, remoteLibrary.flatMap(RemoteLibrary::files)); // creates the staging folders ingest scans
    Readiness readiness = new Readiness(vertx, db.pool(), config, dispatcher::dispatchHealthy,
        () -> sync.map(SyncScheduler::status).orElseGet(JsonObject::new));
    StatusQuery statusQuery = new StatusQuery(db.pool());
    var more = JellyfinIntegration.status(jellyfin).andThen(f -> f.compose(json -> analysisStatus(json, analysis)));
    java.util.function.Supplier<JsonObject> live =
        () -> live(dispatcher, ingestor, config).put("sync", sync.map(SyncScheduler::status).orElseGet(JsonObject::new))
            .put("remote_library", remoteLibrary.map(RemoteLibrary::status).orElse(null));
    var web = WebWiring.routes(db.pool(), tmdb, dispatcher, ingestor, config, token,
        () -> statusQuery.status().map(json -> json.put("daemon", live.get())).compose(more),
        jellyfin.map(JellyfinIntegration::announcer));
    StatusVerticle http = new StatusVerticle(config.http(), token, statusQuery, live, JellyfinIntegration.routes(jellyfin)
            .andThen(new OpsRoutes(metrics, new OpsQuery(db.pool()), readiness, token, config)::mount).andThen(web.routes()),
        more);
    Blocking.await(vertx.deployVerticle(http));
    remoteLibrary.ifPresent(RemoteLibrary::recoverAtStart); // before the first organize step can publish
    started.add("the dispatcher", dispatcher::stop); // running steps get the grace, then their jobs are released
    dispatcher.start();
    started.add("ingest", grace -> ingestor.stop());
    ingestor.start();
    started.add("the review sweeps", grace -> web.reviews().stopSweeps());
    web.reviews().startSweeps(WebWiring.SWEEP_EVERY);
    new Backups(config, Optional.empty()).schedule(db, clock)
        .ifPresent(b -> started.add("scheduled backups", grace -> b.stop()));
    sync.ifPresent(s -> {
      started.add("remote sources", grace -> s.close());
      s.start();
    });
    AlertMonitor.start(config.alerts(), new OpsQuery(db.pool()), readiness, clock)
        .ifPresent(a -> started.add("the alert checks", grace -> a.stop()));
    log.info("daemon {} running: {} source(s), library {}, {} dispatch", dispatcher.owner(), config.sources().size(),
        config.library(), config.redis().isPresent() ? "Redis" : "in-process");
    return new Daemon(http, token, started);
  }

  // The costs come from the store's status; the budgets and their state from the configured analysis.
  private static io.vertx.core.Future<JsonObject> analysisStatus(JsonObject status, Optional<VideoAnalysis> analysis) {
    JsonObject costs = status.getJsonObject("analysis", new JsonObject()).getJsonObject("costs", new JsonObject());
    return io.vertx.core.Future.succeededFuture(status.put("analysis", analysis.map(a -> a.status(costs))
        .orElseGet(() -> new JsonObject().put("enabled", false).put("costs", costs))));
  }

  private static JsonObject live(Dispatcher dispatcher, Ingestor ingestor, VorgConfig config) {
    return new JsonObject().put("owner", dispatcher.owner()).put("in_flight", dispatcher.inFlight())
        .put("dispatch", config.redis().isPresent() ? (dispatcher.dispatchHealthy() ? "redis" : "polling (redis down)") : "in-process")
        .put("waiting_for_stable", new JsonObject(new java.util.HashMap<>(ingestor.waiting())))
        .put("slow_scans", new JsonObject(new java.util.HashMap<>(ingestor.slowScans(SLOW_SCAN))));
  }

  public int httpPort() {
    return http.port();
  }

  /** What {@code /api/*} requires, and where it is kept when it was not configured. */
  public HttpToken httpToken() {
    return token;
  }

  /** Blocks until {@link #stop} finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Graceful shutdown; safe to call twice. */
  public void stop() {
    stop(GRACE);
  }

  /** As {@link #stop()}, with running steps given {@code grace} before their jobs are released. */
  synchronized void stop(Duration grace) {
    if (stopped.getCount() == 0) {
      return;
    }
    log.info("stopping: no new work; running steps get {}s to finish", grace.toSeconds());
    started.stopAll(grace);
    log.info("stopped");
    stopped.countDown();
  }
}
