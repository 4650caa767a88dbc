package org.videoorganizer.gpu;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.remote.FrameDescriber;
import org.videoorganizer.gpu.remote.OpenAiCompatibleClient;
import org.videoorganizer.gpu.remote.OpenAiSettings;
import org.videoorganizer.gpu.remote.RunPodClient;
import org.videoorganizer.gpu.remote.RunPodSettings;
import org.videoorganizer.gpu.remote.RunPodTranscriber;
import org.videoorganizer.gpu.remote.Transcriber;

/**
 * Builds the remote backends from plain values (the daemon's configuration or the command line's
 * options): a vision model on an OpenAI-compatible URL, and speech either on an
 * OpenAI-compatible URL or on a RunPod faster-whisper endpoint. Owns the clients; close it.
 */
public final class RemoteBackends implements AutoCloseable {

  /** What to connect; null URLs leave that backend out. Prices in $/s of GPU time (0 for a free local server). */
  public record Settings(String visionUrl, String visionModel, String visionKey, String speechUrl, String speechModel,
      String speechKey, String runpodEndpoint, String runpodKey, String gpuClass, double usdPerSecond,
      Duration timeout) {}

  private final OpenAiCompatibleClient vision;
  private final OpenAiCompatibleClient speech;
  private final RunPodClient runpod;
  private final Transcriber transcriber;

  public RemoteBackends(Vertx vertx, Settings s) {
    Pricing price = s.usdPerSecond() > 0 ? Pricing.perSecond("vision", s.gpuClass(), s.usdPerSecond())
        : Pricing.free("vision");
    this.vision = s.visionUrl() == null ? null : new OpenAiCompatibleClient(vertx, new OpenAiSettings(s.visionUrl(),
        s.visionKey(), s.visionModel(), s.speechModel(), s.timeout(), 3, Duration.ofSeconds(1), price));
    this.speech = s.speechUrl() == null ? null : new OpenAiCompatibleClient(vertx, new OpenAiSettings(s.speechUrl(),
        s.speechKey(), s.visionModel(), s.speechModel(), s.timeout(), 3, Duration.ofSeconds(1),
        new Pricing("speech", price.gpuClass(), price.usdPerSecond(), 0, 0)));
    this.runpod = s.runpodEndpoint() == null ? null : new RunPodClient(vertx, new RunPodSettings(s.runpodEndpoint(),
        s.runpodKey(), s.timeout(), Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(10), 3,
        Duration.ofSeconds(1), Pricing.perSecond("runpod-whisper", s.gpuClass(), s.usdPerSecond())));
    this.transcriber = speech != null ? speech
        : runpod != null ? new RunPodTranscriber(runpod, s.speechModel() == null ? "turbo" : s.speechModel()) : null;
  }

  public FrameDescriber describer() {
    return vision;
  }

  public Transcriber transcriber() {
    return transcriber;
  }

  /** The analyzer with these backends (either may be absent). */
  public ContentAnalyzer.Builder configure(ContentAnalyzer.Builder builder) {
    return builder.describer(vision).transcriber(transcriber);
  }

  @Override
  public void close() {
    if (vision != null) {
      vision.close();
    }
    if (speech != null) {
      speech.close();
    }
    if (runpod != null) {
      runpod.close();
    }
  }
}
