package org.videoorganizer.daemon.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.daemon.analyze.VideoAnalysis;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.gpu.AnalysisReport;
import org.videoorganizer.gpu.RemoteStatus;
import org.videoorganizer.gpu.ReportJson;
import org.videoorganizer.gpu.extract.UnreadableVideoException;

/**
 * Looks inside the videos whose name was not enough. An IDENTIFIED video (a confident name match,
 * a person's answer, or analysis off) goes straight on to organize. A video the identify step
 * sent here (still FINGERPRINTED) is analysed, its report stored, and identified again with
 * the evidence ({@code TmdbIdentifier.identify(group, report)}): a confident match is organized,
 * an unsure one waits in NEEDS_REVIEW with what analysis saw, a home video gets a descriptive
 * title under Other. A remote backend that is down, or TMDB, makes the job wait and run again;
 * what was paid for stays in the ledger.
 */
final class AnalyzeStage implements Stage {

  private static final Logger log = LoggerFactory.getLogger(AnalyzeStage.class);
  static final String ANALYZER = "gpu-service";

  private final Sources sources;
  private final Function<Video, SourceGroup> groups;
  private final Optional<VideoAnalysis> analysis;
  private final BiFunction<SourceGroup, AnalysisReport, Identification> reidentify;

  /** @param reidentify identifies a group again with a report (the TMDB identifier, or the name alone without TMDB) */
  AnalyzeStage(Sources sources, Function<Video, SourceGroup> groups, Optional<VideoAnalysis> analysis,
      BiFunction<SourceGroup, AnalysisReport, Identification> reidentify) {
    this.sources = sources;
    this.groups = groups;
    this.analysis = analysis;
    this.reidentify = reidentify;
  }

  @Override
  public String name() {
    return "analyze";
  }

  @Override
  public Step run(Video video, Job job, LeaseCheck lease) throws Exception {
    if (video.state() == VideoState.IDENTIFIED) {
      return new Step(List.of(), Optional.of("organize"));
    }
    if (video.state() != VideoState.FINGERPRINTED) {
      return Outcomes.nothing();
    }
    if (analysis.isEmpty()) { // sent here before a restart with analysis turned off: identify decides without it
      return Outcomes.handOn(video.id(), VideoState.FINGERPRINTED, null, "identify");
    }
    Path file = sources.file(video);
    long start = System.nanoTime();
    AnalysisReport report;
    try {
      report = analysis.get().analyze(video.id(), file);
    } catch (UnreadableVideoException e) {
      return Outcomes.stop(video.id(), VideoState.FAILED, e.getMessage());
    }
    lease.check();
    if (report.remote() == RemoteStatus.WAITING_FOR_BACKEND) {
      return Outcomes.later(job, "content analysis waits for its remote backend: " + report.remoteReason());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    logAnalysed(video, report, seconds);
    return decide(video, report, seconds, file, lease);
  }

  /** What the video is, with the report's evidence; the report is stored with the outcome. */
  private Step decide(Video video, AnalysisReport report, double seconds, Path file, LeaseCheck lease) {
    if (report.damaged()) {
      return Outcomes.stop(video.id(), VideoState.FAILED, "the streams are damaged: " + report.damage().get(),
          stored(video, report, seconds, List.of()));
    }
    Identification idf = analysis.get().homeVideo(reidentify.apply(groups.apply(video), report), report, file);
    lease.check();
    return switch (idf) {
      case Identification.Named n -> Outcomes.advance(video.id(), VideoState.IDENTIFIED, "organize",
          stored(video, report, seconds, n.evidence()), IdentifyStage.match(video, n));
      case Identification.Review r -> Outcomes.stop(video.id(), VideoState.NEEDS_REVIEW, r.reason(),
          stored(video, report, seconds, r.evidence()), IdentifyStage.seen(video, r));
      case Identification.Skip s -> Outcomes.stop(video.id(), VideoState.REJECTED, s.reason(),
          stored(video, report, seconds, List.of()));
      // TMDB down or refusing: the job is retried with back-off, as in the identify step (the
      // analysis is done again then; the per-video cap bounds what a repeated remote part costs).
      case Identification.Failed f -> throw new IllegalStateException(f.reason());
    };
  }

  private static void logAnalysed(Video video, AnalysisReport report, double seconds) {
    log.info("{}: analysed in {} s ({} key frames, {} OCR lines, remote {}{}, ${})", video.displayPath(),
        String.format(Locale.ROOT, "%.2f", seconds), report.keyFrames(), report.ocr().size(),
        report.remote().name().toLowerCase(Locale.ROOT),
        report.remoteReason().isEmpty() ? "" : ": " + report.remoteReason(),
        String.format(Locale.ROOT, "%.4f", report.costUsd()));
  }

  private static Change stored(Video video, AnalysisReport report, double seconds, List<String> evidence) {
    JsonObject result = new JsonObject(ReportJson.of(report)).put("evidence", new JsonArray(evidence.stream()
        .filter(line -> line.startsWith("analysis: ")).toList()));
    return new Change.Analyzed(video.id(), ANALYZER, result.encode(), seconds, report.costUsd());
  }
}
