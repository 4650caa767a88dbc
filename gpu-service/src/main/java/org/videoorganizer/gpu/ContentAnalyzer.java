package org.videoorganizer.gpu;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.videoorganizer.gpu.cost.Budget;
import org.videoorganizer.gpu.cost.CostLedger;
import org.videoorganizer.gpu.cost.InMemoryCostLedger;
import org.videoorganizer.gpu.extract.AudioClip;
import org.videoorganizer.gpu.extract.KeyFrame;
import org.videoorganizer.gpu.extract.MediaProbe;
import org.videoorganizer.gpu.extract.StreamHealth;
import org.videoorganizer.gpu.extract.UnreadableVideoException;
import org.videoorganizer.gpu.extract.VideoExtractor;
import org.videoorganizer.gpu.ocr.OcrLine;
import org.videoorganizer.gpu.ocr.TitleCardReader;
import org.videoorganizer.gpu.remote.FrameDescriber;
import org.videoorganizer.gpu.remote.Transcriber;

/**
 * Looks inside a video when its name is not enough. Always, on the CPU: the container's facts
 * (the duration is runtime evidence), a decode check, key frames and OCR of their text. When the
 * request allows it and the budgets leave room: a vision model's description and proposed title,
 * and the speech of a few windows of sound. Thread-safe: OCR engines are pooled, one per
 * concurrent analysis (not per thread, so virtual threads do not each start an engine); close the
 * analyzer to free them.
 *
 * <pre>{@code
 * ContentAnalyzer analyzer = ContentAnalyzer.builder().describer(vllm).transcriber(whisper)
 *     .ledger(store).budget(new Budget(1, 20, 0.05)).build();
 * AnalysisReport report = analyzer.analyze(file, AnalysisRequest.local("42").withRemote());
 * }</pre>
 */
public final class ContentAnalyzer implements AutoCloseable {

  private final Supplier<TitleCardReader> newReader;
  private final java.util.concurrent.ConcurrentLinkedDeque<TitleCardReader> idleReaders =
      new java.util.concurrent.ConcurrentLinkedDeque<>();
  private final RemoteAnalysis remote;

  private ContentAnalyzer(Builder b) {
    this.newReader = b.ocr;
    this.remote = new RemoteAnalysis(b.describer, b.transcriber, b.ledger, b.budget, b.clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Analyses one file. A damaged file is reported (with the reason) without further work.
   *
   * @throws UnreadableVideoException when FFmpeg cannot open the file as a video at all
   */
  public AnalysisReport analyze(Path file, AnalysisRequest request) throws UnreadableVideoException {
    long start = System.nanoTime();
    MediaProbe probe = VideoExtractor.probe(file);
    StreamHealth health = VideoExtractor.checkDecoding(file, probe, request.decodeWindows());
    if (health.damaged()) {
      return new AnalysisReport(file.toString(), probe, health.damage(), List.of(), List.of(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), RemoteStatus.NOT_REQUESTED,
          "the streams are damaged: nothing to analyse", List.of(), 0, millisSince(start));
    }
    List<KeyFrame> frames = VideoExtractor.keyFrames(file, probe, request.keyFrames());
    List<OcrLine> ocr = read(frames);
    List<TitleProposal> proposals = new ArrayList<>(OcrProposals.of(ocr, openingEnd(probe)));
    long local = millisSince(start);
    if (!request.remote()) {
      return new AnalysisReport(file.toString(), probe, Optional.empty(), ocr, proposals, Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), RemoteStatus.NOT_REQUESTED, "", List.of(),
          frames.size(), local);
    }
    List<AudioClip> audio = VideoExtractor.audio(file, probe, request.audioWindows(), request.audioWindow());
    RemoteAnalysis.Outcome outcome = remote.run(request.video(), file, probe, frames, ocr, audio);
    outcome.vision().filter(v -> v.titleText() != null && !v.titleText().isBlank())
        .ifPresent(v -> proposals.add(new TitleProposal(v.titleText(), v.year(), v.contentType(), "vision",
            v.confidence())));
    return new AnalysisReport(file.toString(), probe, Optional.empty(), ocr, proposals,
        outcome.vision().map(v -> v.description()), outcome.vision().map(v -> v.contentType()),
        outcome.transcript(), outcome.language(), outcome.status(), outcome.reason(), outcome.costs(),
        frames.size(), local);
  }

  private List<OcrLine> read(List<KeyFrame> frames) {
    TitleCardReader reader = idleReaders.pollFirst();
    if (reader == null) {
      reader = newReader.get();
    }
    try {
      var lines = new ArrayList<OcrLine>();
      for (KeyFrame f : frames) {
        lines.addAll(reader.read(f.image(), f.at()));
      }
      return lines;
    } finally {
      idleReaders.addFirst(reader);
    }
  }

  /** Frees the OCR engines; the analyzer must not be used afterwards. */
  @Override
  public void close() {
    for (TitleCardReader r; (r = idleReaders.pollFirst()) != null; ) {
      r.close();
    }
  }

  private static java.time.Duration openingEnd(MediaProbe probe) {
    java.time.Duration fivePercent = probe.duration().dividedBy(20);
    java.time.Duration max = java.time.Duration.ofMinutes(3);
    return fivePercent.compareTo(max) < 0 ? fivePercent : max;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** Options; all optional: with none, analysis is local and remote requests say NOT_CONFIGURED. */
  public static final class Builder {
    private Supplier<TitleCardReader> ocr = TitleCardReader::create;
    private FrameDescriber describer;
    private Transcriber transcriber;
    private CostLedger ledger = new InMemoryCostLedger();
    private Budget budget = Budget.UNLIMITED;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Makes an OCR reader when all pooled ones are busy. */
    public Builder ocr(Supplier<TitleCardReader> readers) {
      this.ocr = readers;
      return this;
    }

    public Builder describer(FrameDescriber value) {
      this.describer = value;
      return this;
    }

    public Builder transcriber(Transcriber value) {
      this.transcriber = value;
      return this;
    }

    public Builder ledger(CostLedger value) {
      this.ledger = value;
      return this;
    }

    public Builder budget(Budget value) {
      this.budget = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    public ContentAnalyzer build() {
      return new ContentAnalyzer(this);
    }
  }
}
