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
import org.videoorganizer.blocking.Repeating;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.daemon.alerts.AlertLoop;
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

  private final Vertx vertx;
  private final Database db;
  private final Pipeline pipeline;
  private final Dispatcher dispatcher;
  private final Ingestor ingestor;
  private final StatusVerticle http;
  private final HttpToken token;
  private final Optional<TmdbUsage> usage;
  private final Optional<SyncScheduler> sync;
  private final Optional<RcdSupervisor> rcd;
  private final Optional<RemoteLibrary> remoteLibrary;
  private final Optional<JellyfinIntegration> jellyfin;
  private final Optional<AlertLoop> alerts;
  private final Optional<Repeating> backups;
  private final ReviewService reviews;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Daemon(Vertx vertx, Database db, Pipeline pipeline, Dispatcher dispatcher, Ingestor ingestor, StatusVerticle http,
      HttpToken token, Optional<TmdbUsage> usage, Optional<SyncScheduler> sync, Optional<RcdSupervisor> rcd,
      Optional<RemoteLibrary> remoteLibrary, Optional<JellyfinIntegration> jellyfin, Optional<AlertLoop> alerts, ReviewService reviews,
      Optional<Repeating> backups) {
    this.backups = backups;
    this.jellyfin = jellyfin;
    this.reviews = reviews;
    this.alerts = alerts;
    this.token = token;
    this.rcd = rcd;
    this.remoteLibrary = remoteLibrary;
    this.sync = sync;
    this.usage = usage;
    this.vertx = vertx;
    this.db = db;
    this.pipeline = pipeline;
    this.dispatcher = dispatcher;
    this.ingestor = ingestor;
    this.http = http;
  }

  /** Starts everything; returns once the status endpoints listen. */
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
    try {
      Database db = Blocking.await(Database.open(vertx, config.database(), config.dataDir()));
      jellyfin.ifPresent(j -> j.start(vertx, db.pool(), clock));
      Optional<TmdbClient> tmdb = Pipeline.tmdbClient(config.tmdb());
      tmdb.ifPresent(metrics::watch);
      Optional<TmdbUsage> usage = tmdb.map(c -> new TmdbUsage(c, new DailyStats(db.pool())));
      usage.ifPresent(u -> vertx.setPeriodic(USAGE_EVERY.toMillis(), id -> u.flush()));
      PostgresCostLedger costs = new PostgresCostLedger(db.pool());
      Optional<VideoAnalysis> analysis = VideoAnalysis.create(config.analysis(), vertx, costs, clock);
      Optional<RcdSupervisor> rcd = SyncScheduler.rcd(config.rclone(), config.dataDir());
      SyncStore syncStore = new SyncStore(db.pool());
      Optional<RemoteLibrary> remoteLibrary = RemoteWiring.library(config, rcd, syncStore, clock);
      Pipeline pipeline = Pipeline.create(config, db.pool(), Pipeline.identifier(config.tmdb(), tmdb), analysis,
          jellyfin.map(JellyfinIntegration::announcer), remoteLibrary);
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
      dispatcher.start();
      ingestor.start();
      web.reviews().startSweeps(WebWiring.SWEEP_EVERY);
      Optional<Repeating> backups = new Backups(config, Optional.empty()).schedule(db, clock);
      sync.ifPresent(SyncScheduler::start);
      Optional<AlertLoop> alerts = AlertMonitor.start(config.alerts(), new OpsQuery(db.pool()), readiness, clock);
      log.info("daemon {} running: {} source(s), library {}, {} dispatch", dispatcher.owner(), config.sources().size(),
          config.library(), config.redis().isPresent() ? "Redis" : "in-process");
      return new Daemon(vertx, db, pipeline, dispatcher, ingestor, http, token, usage, sync, rcd, remoteLibrary,
          jellyfin, alerts, web.reviews(), backups);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
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
    sync.ifPresent(SyncScheduler::close);
    alerts.ifPresent(AlertLoop::stop);
    reviews.stopSweeps();
    backups.ifPresent(Repeating::stop);
    ingestor.stop();
    dispatcher.stop(grace);
    pipeline.close();
    // The confirmation loop saves what it decided while the database is still open.
    jellyfin.ifPresent(JellyfinIntegration::stop);
    RemoteWiring.close(remoteLibrary, rcd);
    try {
      usage.ifPresent(u -> Blocking.await(u.flush()));
    } catch (RuntimeException e) {
      log.warn("TMDB usage of the last minute not recorded: {}", e.toString());
    }
    try {
      Blocking.await(db.close());
      Blocking.await(vertx.close());
    } catch (RuntimeException e) {
      log.warn("shutdown was not clean: {}", e.toString());
    }
    log.info("stopped");
    stopped.countDown();
  }
}
