package org.videoorganizer.daemon.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.daemon.http.HttpToken;
import org.videoorganizer.daemon.http.WebBackendImpl;
import org.videoorganizer.daemon.ingest.Ingestor;
import org.videoorganizer.daemon.pipeline.Announcer;
import org.videoorganizer.daemon.queue.Dispatcher;
import org.videoorganizer.daemon.review.ReviewService;
import org.videoorganizer.daemon.store.ControlStore;
import org.videoorganizer.daemon.store.VideoState;
import org.videoorganizer.web.WebRoutes;

/**
 * Builds the web page's routes over the daemon's parts, and the review service whose sweeps reuse
 * corrections: woken by each step of this daemon that moves a video to needs_review, and every
 * {@link #SWEEP_EVERY} at least.
 */
final class WebWiring {

  static final Duration SWEEP_EVERY = Duration.ofSeconds(5);

  /** The page's routes, and the review service (the daemon starts and stops its sweeps). */
  record Web(Consumer<Router> routes, ReviewService reviews) {}

  private WebWiring() {}

  static Web routes(Pool pool, Optional<TmdbClient> tmdb, Dispatcher dispatcher, Ingestor ingestor,
      VorgConfig config, HttpToken token, Supplier<Future<JsonObject>> status, Optional<Announcer> announcer) {
    dispatcher.sharePause(new ControlStore(pool));
    ReviewService reviews = new ReviewService(pool, tmdb, dispatcher::ring);
    dispatcher.afterCommit(step -> {
      if (step.movesTo(VideoState.NEEDS_REVIEW)) {
        reviews.wantSweep();
      }
    });
    WebBackendImpl backend = new WebBackendImpl(pool, status, reviews, dispatcher, ingestor, config.library(),
        config.libraryMarker().map(m -> config.library().resolve(m)), announcer);
    String hint = token.file().isPresent() ? "in the file http-token in the daemon's data_dir" : "the one set in VORG_HTTP_TOKEN";
    WebRoutes web = new WebRoutes(backend, t -> token.accepts("Bearer " + t), hint, config.http().host(), config.http().tls().isPresent());
    return new Web(web::mount, reviews);
  }
}
