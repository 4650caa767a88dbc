package org.videoorganizer.gpu;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.gpu.cost.Budget;
import org.videoorganizer.gpu.cost.CostLedger;
import org.videoorganizer.gpu.cost.CostRecord;
import org.videoorganizer.gpu.extract.AudioClip;
import org.videoorganizer.gpu.extract.KeyFrame;
import org.videoorganizer.gpu.extract.MediaProbe;
import org.videoorganizer.gpu.ocr.OcrLine;
import org.videoorganizer.gpu.remote.BackendRejectedException;
import org.videoorganizer.gpu.remote.BackendUnavailableException;
import org.videoorganizer.gpu.remote.FrameDescriber;
import org.videoorganizer.gpu.remote.Transcriber;
import org.videoorganizer.gpu.remote.Transcript;
import org.videoorganizer.gpu.remote.VisualAnalysis;

/** The remote calls of one analysis, each checked against the budgets first and billed after. */
final class RemoteAnalysis {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteAnalysis.class);
  /** Windows quieter than this (RMS) are not sent for transcription. */
  static final double SILENCE = 0.005;

  record Outcome(Optional<VisualAnalysis> vision, Optional<String> transcript, Optional<String> language,
      RemoteStatus status, String reason, List<CostRecord> costs) {}

  private final FrameDescriber describer;
  private final Transcriber transcriber;
  private final CostLedger ledger;
  private final Budget budget;
  private final Clock clock;

  RemoteAnalysis(FrameDescriber describer, Transcriber transcriber, CostLedger ledger, Budget budget, Clock clock) {
    this.describer = describer;
    this.transcriber = transcriber;
    this.ledger = ledger;
    this.budget = budget;
    this.clock = clock;
  }

  Outcome run(String video, Path file, MediaProbe probe, List<KeyFrame> frames, List<OcrLine> ocr,
      List<AudioClip> audio) {
    if (describer == null && transcriber == null) {
      return new Outcome(Optional.empty(), Optional.empty(), Optional.empty(), RemoteStatus.NOT_CONFIGURED,
          "no remote backend is configured", List.of());
    }
    var costs = new ArrayList<CostRecord>();
    VisualAnalysis vision = null;
    var speech = new ArrayList<Transcript>();
    try {
      if (describer != null && !frames.isEmpty()) {
        stopIfOverBudget(video);
        vision = describer.describe(frames, hints(file, probe, ocr));
        costs.add(bill(video, describer.pricing(), "vision", vision.usage()));
      }
      if (transcriber != null) {
        for (AudioClip clip : audio) {
          if (clip.level() >= SILENCE) {
            stopIfOverBudget(video);
            Transcript t = transcriber.transcribe(clip);
            costs.add(bill(video, transcriber.pricing(), "transcription", t.usage()));
            speech.add(t);
          }
        }
      }
      return outcome(vision, speech, RemoteStatus.DONE, "", costs);
    } catch (OverBudget e) {
      return outcome(vision, speech, RemoteStatus.BUDGET_REACHED, e.getMessage(), costs);
    } catch (BackendUnavailableException e) {
      LOG.warn("{}: remote analysis waits: {}", file, e.getMessage());
      return outcome(vision, speech, RemoteStatus.WAITING_FOR_BACKEND, e.getMessage(), costs);
    } catch (BackendRejectedException e) {
      LOG.warn("{}: remote analysis refused: {}", file, e.getMessage());
      return outcome(vision, speech, RemoteStatus.REJECTED, e.getMessage(), costs);
    }
  }

  private void stopIfOverBudget(String video) throws OverBudget {
    Optional<String> stop = budget.stop(ledger, video, clock);
    if (stop.isPresent()) {
      throw new OverBudget(stop.get());
    }
  }

  private CostRecord bill(String video, org.videoorganizer.gpu.cost.Pricing pricing, String task,
      org.videoorganizer.gpu.cost.Usage usage) {
    CostRecord cost = pricing.bill(video, task, usage, clock.instant());
    ledger.record(cost);
    return cost;
  }

  private static Outcome outcome(VisualAnalysis vision, List<Transcript> speech, RemoteStatus status, String reason,
      List<CostRecord> costs) {
    String text = speech.stream().map(Transcript::text).filter(t -> t != null && !t.isBlank())
        .collect(Collectors.joining(" \u2026 "));
    Optional<String> language = speech.stream().map(Transcript::language).filter(l -> l != null && !l.isBlank())
        .findFirst();
    return new Outcome(Optional.ofNullable(vision), text.isBlank() ? Optional.empty() : Optional.of(text), language,
        status, reason, costs);
  }

  static String hints(Path file, MediaProbe probe, List<OcrLine> ocr) {
    long s = probe.duration().toSeconds();
    String text = ocr.stream().map(OcrLine::text).distinct().limit(20).collect(Collectors.joining(" | "));
    return "File name: " + file.getFileName() + ". Duration: " + String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        + ". Audio languages: " + probe.audioLanguages() + ". Text read on screen: " + (text.isEmpty() ? "none" : text) + ".";
  }

  private static final class OverBudget extends Exception {
    OverBudget(String reason) {
      super(reason);
    }
  }
}
