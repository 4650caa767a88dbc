package org.videoorganizer.daemon.analyze;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.OptionalDouble;
import java.time.Clock;
import java.util.Optional;
import org.videoorganizer.config.VorgConfig.AnalysisConfig;
import org.videoorganizer.config.VorgConfig.RemoteAnalysisConfig;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.gpu.AnalysisReport;
import org.videoorganizer.gpu.AnalysisRequest;
import org.videoorganizer.gpu.ContentAnalyzer;
import org.videoorganizer.gpu.HomeVideoTitle;
import org.videoorganizer.gpu.RemoteBackends;
import org.videoorganizer.gpu.cost.Budget;
import org.videoorganizer.gpu.cost.CostLedger;
import org.videoorganizer.gpu.extract.UnreadableVideoException;

/**
 * Content analysis as the daemon runs it: which videos need it (only those whose name is not
 * enough, unless {@code analysis.videos} is {@code all}), the analyzer with the configured remote
 * backend, the budgets checked against the store's ledger, and the budget state for the status.
 * Blocking: the analyze step calls it on its virtual thread. Close it to free the OCR engines and
 * the HTTP clients.
 */
public final class VideoAnalysis implements AutoCloseable {

  private final AnalysisConfig config;
  private final Optional<RemoteBackends> backends;
  private final ContentAnalyzer analyzer;
  private final Budget budget;

  private VideoAnalysis(AnalysisConfig config, Optional<RemoteBackends> backends, CostLedger ledger, Clock clock) {
    this.config = config;
    this.backends = backends;
    this.budget = new Budget(config.dailyBudgetUsd(), config.monthlyBudgetUsd(), config.perVideoBudgetUsd());
    ContentAnalyzer.Builder builder = ContentAnalyzer.builder().ledger(ledger).budget(budget).clock(clock);
    this.analyzer = backends.map(b -> b.configure(builder)).orElse(builder).build();
  }

  /** The analysis {@code config} asks for, or empty when it is off. */
  public static Optional<VideoAnalysis> create(AnalysisConfig config, Vertx vertx, CostLedger ledger, Clock clock) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    return Optional.of(new VideoAnalysis(config, config.remote().map(r -> new RemoteBackends(vertx, settings(r))), ledger,
        clock));
  }

  /**
   * The analyzer {@code config} describes whether or not the daemon's analysis is enabled, for
   * {@code vorg analyze}: the same backends, prices and budgets, over {@code ledger}.
   */
  public static VideoAnalysis forCommandLine(AnalysisConfig config, Vertx vertx, CostLedger ledger) {
    return new VideoAnalysis(config, config.remote().map(r -> new RemoteBackends(vertx, settings(r))), ledger,
        Clock.systemUTC());
  }

  /**
   * Why this video should be looked inside, or empty when its name is enough: its name match
   * needs review, it went to {@code Other/}, or its name is generic ({@code VID_0001.mp4}); with
   * {@code videos: all}, every video that is not skipped. A confident TMDB match is analysed only
   * then, and analysis never overrides it.
   */
  public Optional<String> reason(Identification byName, Path file) {
    return switch (byName) {
      case Identification.Skip s -> Optional.empty();
      case Identification.Failed f -> Optional.empty();
      case Identification.Review r -> Optional.of("the name match needs review");
      case Identification.Named n when config.allVideos() -> Optional.of("analysis.videos is all");
      case Identification.Named n when n.confidence().isPresent() -> Optional.empty();
      case Identification.Named n when GenericNames.isGeneric(file) -> Optional.of("the file name is generic");
      case Identification.Named n when n.identity().kind() == MediaIdentity.Kind.OTHER ->
          Optional.of("the name alone files it under Other");
      case Identification.Named n -> Optional.empty();
    };
  }

  /**
   * Looks inside the file, the remote backend included when one is configured and the budgets
   * leave room; costs are booked under {@code videoId}.
   *
   * @throws UnreadableVideoException when FFmpeg cannot open the file as a video at all
   */
  public AnalysisReport analyze(long videoId, Path file) throws UnreadableVideoException {
    return analyze(Long.toString(videoId), file, backends.isPresent());
  }

  /**
   * Looks inside the file, booking costs under {@code key}; {@code remote} allows the configured
   * backend (without one the report says NOT_CONFIGURED).
   *
   * @throws UnreadableVideoException when FFmpeg cannot open the file as a video at all
   */
  public AnalysisReport analyze(String key, Path file, boolean remote) throws UnreadableVideoException {
    AnalysisRequest request = AnalysisRequest.local(key);
    return analyzer.analyze(file, remote ? request.withRemote() : request);
  }

  /**
   * A video named without TMDB's word, under Other or by a generic name, that the vision model
   * calls a home video gets a title from its description and the day the file was written
   * ({@code Other/2019-07-14 Children playing on a beach}); any other answer is returned as is.
   */
  public Identification homeVideo(Identification idf, AnalysisReport report, Path file) {
    if (!(idf instanceof Identification.Named n) || n.confidence().isPresent()
        || (n.identity().kind() != MediaIdentity.Kind.OTHER && !GenericNames.isGeneric(file))) {
      return idf;
    }
    Optional<String> title = HomeVideoTitle.of(report, written(file));
    if (title.isEmpty()) {
      return idf;
    }
    var evidence = new java.util.ArrayList<>(n.evidence());
    evidence.add("analysis: the vision model describes a home video: " + report.description().orElse(""));
    return new Identification.Named(MediaIdentity.other(title.get(), null).withPart(n.identity().part()),
        "a home video, titled from its description and date", OptionalDouble.empty(), evidence);
  }

  // The day the file was last written: a camera's recording day when it was copied as it was.
  private static LocalDate written(Path file) {
    try {
      return LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
    } catch (IOException e) {
      return LocalDate.now(ZoneOffset.UTC);
    }
  }

  /**
   * What {@code /api/status} shows under {@code analysis}: whether it is on, the remote backend,
   * the budgets and which of them is reached, from {@code costs} ({@code PostgresCostLedger.summary()}).
   */
  public JsonObject status(JsonObject costs) {
    double today = costs.getDouble("today_usd", 0.0);
    double month = costs.getDouble("month_usd", 0.0);
    String state = month >= budget.monthlyUsd() ? "monthly budget reached: remote analysis stopped until next month (UTC)"
        : today >= budget.dailyUsd() ? "daily budget reached: remote analysis stopped until tomorrow (UTC)"
        : "remote analysis within budget";
    return new JsonObject().put("enabled", true).put("videos", config.allVideos() ? "all" : "when_needed")
        .put("remote", config.remote().map(RemoteAnalysisConfig::kind).orElse("none"))
        .put("budget", new JsonObject().put("daily_usd", budget.dailyUsd()).put("monthly_usd", budget.monthlyUsd())
            .put("per_video_usd", budget.perVideoUsd()).put("reached", !state.startsWith("remote analysis within"))
            .put("state", config.remote().isPresent() ? state : "local analysis only (analysis.remote is none)"))
        .put("costs", costs);
  }

  // remote runpod: speech on the RunPod endpoint at url. remote openai: vision at url, and speech
  // at speech_url on an OpenAI-compatible server or a RunPod endpoint. Each URL gets its own key.
  private static RemoteBackends.Settings settings(RemoteAnalysisConfig r) {
    String key = r.apiKey().map(s -> s.reveal()).orElse(null);
    String speechKey = r.speechApiKey().map(s -> s.reveal()).orElse(null);
    if (r.kind().equals("runpod")) {
      return new RemoteBackends.Settings(null, r.model(), null, null, r.speechModel(), null, r.url(), key, r.gpuClass(),
          r.usdPerSecond(), r.timeout());
    }
    String speech = r.speechUrl().orElse(null);
    boolean runpodSpeech = r.speechRemote().equals("runpod");
    return new RemoteBackends.Settings(r.url(), r.model(), key, runpodSpeech ? null : speech, r.speechModel(),
        runpodSpeech ? null : speechKey, runpodSpeech ? speech : null, runpodSpeech ? speechKey : null, r.gpuClass(),
        r.usdPerSecond(), r.timeout());
  }

  @Override
  public void close() {
    analyzer.close();
    backends.ifPresent(RemoteBackends::close);
  }
}
