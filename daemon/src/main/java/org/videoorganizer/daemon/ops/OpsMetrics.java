package org.videoorganizer.daemon.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.daemon.store.JobState;
import org.videoorganizer.daemon.store.OpsQuery;
import org.videoorganizer.daemon.store.OpsQuery.Figures;

/**
 * The registry behind {@code /metrics}: Vert.x's own figures (HTTP server and clients, the
 * PostgreSQL pool, JVM), the step timings of {@link MeteredJobHandler}, and the store's figures
 * ({@link OpsQuery}), read again before each scrape. Names start with {@code vorg_}.
 */
public final class OpsMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicReference<Figures> last = new AtomicReference<>();
  private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

  /** A Vert.x whose metrics go into this registry; the options are the daemon's own. */
  public Vertx newVertx(VertxOptions options) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.REMOTE, Label.POOL_TYPE, Label.POOL_NAME,
            Label.CLIENT_NAME, Label.NAMESPACE));
    return Vertx.builder().with(options.setMetricsOptions(metrics)).withMetrics(new MicrometerMetricsFactory(registry)).build();
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** TMDB requests sent and answered from the caches, as the client counts them. */
  public void watch(TmdbClient tmdb) {
    FunctionCounter.builder("vorg_tmdb_requests", tmdb, c -> c.stats().requestsSent())
        .description("TMDB requests sent (cache misses)").register(registry);
    FunctionCounter.builder("vorg_tmdb_errors", tmdb, c -> c.stats().failedAnswers())
        .description("TMDB requests that got no 200 answer (another status, a timeout, a network error)").register(registry);
    FunctionCounter.builder("vorg_tmdb_cache_hits", tmdb, c -> c.stats().memoryHits() + c.stats().diskHits())
        .description("TMDB lookups answered from the memory or disk cache").register(registry);
  }

  /** Reads the store's figures, then renders everything in the Prometheus text format (0.0.4). */
  public Future<String> scrape(OpsQuery query) {
    return query.figures().map(f -> {
      update(f);
      return registry.scrape();
    });
  }

  private void update(Figures f) {
    last.set(f);
    f.videos().keySet().forEach(state -> gauge("vorg_videos", "videos per state", Tags.of("state", state),
        x -> x.videos().getOrDefault(state, 0L)));
    f.queue().keySet().forEach(stage -> {
      Tags tags = Tags.of("stage", stage);
      gauge("vorg_queue_jobs", "jobs waiting to run", tags.and("state", JobState.QUEUED.db()), x -> queue(x, stage).queued());
      gauge("vorg_queue_jobs", "jobs waiting to run", tags.and("state", JobState.RUNNING.db()), x -> queue(x, stage).running());
      gauge("vorg_queue_oldest_due_seconds", "how long the oldest due job of a stage has waited", tags,
          x -> queue(x, stage).oldestDue().toMillis() / 1000.0);
    });
    f.confirmations().keySet().forEach(state -> gauge("vorg_jellyfin_confirmations", "published files per Jellyfin check state",
        Tags.of("state", state), x -> x.confirmations().getOrDefault(state, 0L)));
    f.sources().forEach(s -> gauge("vorg_source_available", "1 when the source's last scan found it, else 0",
        Tags.of("source", s.name()), x -> x.sources().stream().filter(y -> y.name().equals(s.name()))
            .anyMatch(OpsQuery.Source::available) ? 1 : 0));
    gauge("vorg_organized_bytes", "bytes in the library put there by the daemon", Tags.empty(), Figures::organizedBytes);
    gauge("vorg_organized_files", "files in the library put there by the daemon", Tags.empty(), Figures::organizedFiles);
    gauge("vorg_analysis_seconds", "seconds spent in content analysis, all time", Tags.empty(), Figures::analysisSeconds);
    gauge("vorg_analysis_cost", "US dollars of remote content analysis calls, all time", Tags.empty(),
        Figures::analysisCost);
    gauge("vorg_analysis_budget_stops_today", "analyses today (UTC) whose remote part a budget stopped", Tags.empty(),
        Figures::analysisBudgetStopsToday);
  }

  private static OpsQuery.Queue queue(Figures f, String stage) {
    return f.queue().getOrDefault(stage, new OpsQuery.Queue(0, 0, java.time.Duration.ZERO));
  }

  private void gauge(String name, String help, Tags tags, java.util.function.ToDoubleFunction<Figures> value) {
    if (registered.putIfAbsent(name + tags, true) == null) {
      Gauge.builder(name, last, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
          .description(help).tags(tags).register(registry);
    }
  }
}
