package org.videoorganizer.daemon.alerts;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.videoorganizer.config.VorgConfig.AlertsConfig;
import org.videoorganizer.daemon.ops.Readiness;
import org.videoorganizer.daemon.store.OpsQuery;
import org.videoorganizer.daemon.store.OpsQuery.Figures;
import org.videoorganizer.daemon.store.VideoState;

/**
 * Decides which alerts hold, from the store's figures and the readiness checks: the library or
 * a source down for {@code alerts.unreachable_for}, more failed videos than
 * {@code alerts.failures_above}, more waiting for review than {@code alerts.review_above}, and
 * files Jellyfin shows with another id than we chose (mismatched), and remote analysis stopped by a
 * budget today. The {@link Notifier} keeps
 * each one to once per rate limit.
 */
public final class AlertMonitor {

  static final Duration EVERY = Duration.ofSeconds(30);

  private final AlertsConfig config;
  private final Clock clock;
  private final Map<String, Instant> downSince = new HashMap<>();

  public AlertMonitor(AlertsConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Starts the checks, every 30 s on a virtual thread ({@link AlertLoop}), when
   * {@code VORG_ALERTS_URL} is set; alert windows and rate limits read {@code clock}.
   */
  public static Optional<AlertLoop> start(AlertsConfig config, OpsQuery query, Readiness readiness, Clock clock) {
    if (config.url().isEmpty()) {
      return Optional.empty();
    }
    Notifier notifier = new Notifier(URI.create(config.url().get().reveal()), config.template(), config.rateLimit(), clock);
    return Optional.of(new AlertLoop(new AlertMonitor(config, clock), notifier, query::figures, readiness::checks, EVERY)
        .start());
  }

  /** The alerts that hold now. */
  public synchronized List<Alert> evaluate(Figures f, List<Readiness.Check> checks) {
    List<Alert> out = new ArrayList<>();
    Instant now = clock.instant();
    for (Readiness.Check c : checks) {
      if (!c.name().equals("library") && !c.name().startsWith("source:")) {
        continue;
      }
      if (!c.state().equals("down")) {
        downSince.remove(c.name());
        continue;
      }
      Instant since = downSince.computeIfAbsent(c.name(), n -> now);
      if (!now.isBefore(since.plus(config.unreachableFor()))) {
        out.add(new Alert("unreachable:" + c.name(), "vorg: " + c.name() + " unreachable",
            c.name() + " has been unreachable since " + since + ": " + c.detail()));
      }
    }
    long failed = f.videosIn(VideoState.FAILED);
    if (failed > config.failuresAbove()) {
      out.add(new Alert("failures", "vorg: " + failed + " videos failed",
          failed + " videos are failed (alerts.failures_above is " + config.failuresAbove() + "); see /api/status"));
    }
    long review = f.videosIn(VideoState.NEEDS_REVIEW);
    if (review > config.reviewAbove()) {
      out.add(new Alert("review", "vorg: " + review + " videos wait for review",
          review + " videos wait for a person (alerts.review_above is " + config.reviewAbove() + ")"));
    }
    long mismatched = f.confirmations().getOrDefault("mismatched", 0L);
    if (mismatched > 0) {
      out.add(new Alert("jellyfin-mismatched", "vorg: Jellyfin shows " + mismatched + " file(s) as something else",
          mismatched + " published file(s) carry another TMDB id in Jellyfin than the one chosen; see /api/status"));
    }
    if (f.analysisBudgetStopsToday() > 0) {
      out.add(new Alert("analysis-budget", "vorg: remote analysis budget reached",
          f.analysisBudgetStopsToday() + " video(s) analysed today without the remote backend because a budget was reached "
              + "(analysis.daily_budget_usd, monthly_budget_usd or per_video_budget_usd); local analysis goes on. "
              + "See analysis in /api/status"));
    }
    return out;
  }
}
