package org.videoorganizer.gpu.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.cost.Usage;
import org.videoorganizer.gpu.extract.AudioClip;
import org.videoorganizer.gpu.extract.KeyFrame;
import org.videoorganizer.gpu.extract.MediaProbe;
import org.videoorganizer.gpu.extract.StreamHealth;
import org.videoorganizer.gpu.extract.VideoExtractor;
import org.videoorganizer.gpu.ocr.TitleCardReader;
import org.videoorganizer.gpu.testsupport.BundledFfmpeg;

/**
 * Figures for docs/analysis.md (run by tools/bench-analyze): process CPU time of extraction for
 * a 2-minute and a 2-hour file, OCR time per frame, memory, and the modelled cost per video at
 * RunPod's prices. Usage: AnalyzeBench WORK_DIR [WIDTHxHEIGHT] [FPS]
 */
public final class AnalyzeBench {

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "/tmp/vorg-bench-analyze");
    String size = args.length > 1 ? args[1] : "640x360";
    String fps = args.length > 2 ? args[2] : "10";
    Files.createDirectories(work);
    Path shortFile = make(work, "2min", 120, size, fps);
    Path longFile = make(work, "2h", 7200, size, fps);
    System.out.printf("files: %s (%d MB), %s (%d MB); %s at %s fps, mpeg4 key frame every 10 s, AAC%n",
        shortFile.getFileName(), Files.size(shortFile) >> 20, longFile.getFileName(), Files.size(longFile) >> 20, size, fps);

    double cold = cpu(() -> extract(shortFile, false));
    System.out.printf("first extraction in this JVM (native load included): %.2f s CPU%n", cold);
    for (Path file : List.of(shortFile, longFile)) {
      extract(file, true);
    }
    ocr(shortFile, work);
    System.gc();
    System.out.printf("memory after GC: native (JavaCPP physicalBytes, RSS) %d MB, Java heap used %d MB, peak RSS %s%n",
        Pointer.physicalBytes() >> 20, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, peakRss());
    cost();
  }

  private static Path make(Path work, String name, int seconds, String size, String fps) throws Exception {
    Path file = work.resolve(name + "-" + size + "-" + fps + "fps.mp4");
    if (!Files.exists(file)) {
      long start = System.nanoTime();
      Path part = work.resolve(".part-" + file.getFileName());
      BundledFfmpeg.run("-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + fps, "-f", "lavfi", "-i",
          "sine=frequency=440:sample_rate=16000", "-t", String.valueOf(seconds), "-c:v", "mpeg4", "-q:v", "6",
          "-g", String.valueOf(Integer.parseInt(fps) * 10), "-c:a", "aac", "-b:a", "32k", "-f", "mp4", part.toString());
      Files.move(part, file);
      System.out.printf("made %s in %.1f s%n", file.getFileName(), (System.nanoTime() - start) / 1e9);
    }
    return file;
  }

  private static void extract(Path file, boolean print) throws Exception {
    double[] t = new double[4];
    MediaProbe[] probe = new MediaProbe[1];
    Object[] out = new Object[3];
    t[0] = cpu(() -> probe[0] = VideoExtractor.probe(file));
    t[1] = cpu(() -> out[0] = VideoExtractor.keyFrames(file, probe[0], 10));
    t[2] = cpu(() -> out[1] = VideoExtractor.audio(file, probe[0], 3, Duration.ofSeconds(60)));
    t[3] = cpu(() -> out[2] = VideoExtractor.checkDecoding(file, probe[0], 5));
    if (print) {
      long minutes = probe[0].duration().toMinutes();
      System.out.printf(Locale.ROOT, "extraction %4d min file: probe %.3f s, 10 key frames %.3f s (%d taken), "
          + "3 x 60 s audio %.3f s, decode check 5 windows %.3f s (%s) = %.2f s CPU%n", minutes, t[0], t[1],
          ((List<?>) out[0]).size(), t[2], t[3], ((StreamHealth) out[2]).damaged() ? "damaged" : "clean",
          t[0] + t[1] + t[2] + t[3]);
      long audioBytes = ((List<?>) out[1]).stream().mapToLong(c -> ((AudioClip) c).wav().length).sum();
      System.out.printf("  audio sent: %d windows, %d KB of WAV%n", ((List<?>) out[1]).size(), audioBytes >> 10);
    }
  }

  @SuppressWarnings("unchecked")
  private static void ocr(Path file, Path work) throws Exception {
    MediaProbe probe = VideoExtractor.probe(file);
    List<KeyFrame> frames = VideoExtractor.keyFrames(file, probe, 10);
    try (var reader = new TitleCardReader(work.resolve("tessdata"))) {
      reader.read(frames.get(0).image(), frames.get(0).at()); // warm-up
      long start = System.nanoTime();
      double cpu = cpu(() -> frames.forEach(f -> reader.read(f.image(), f.at())));
      double wall = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "OCR: %d frames of %dx%d, %.0f ms wall, %.0f ms CPU per frame%n", frames.size(),
          frames.get(0).image().getWidth(), frames.get(0).image().getHeight(), wall * 1000 / frames.size(),
          cpu * 1000 / frames.size());
    }
  }

  /**
   * Cost per unknown video on RunPod Serverless at gpu.md's flex prices. Throughput assumptions
   * (from the sources gpu.md cites; re-measure on a GPU): Qwen2.5-VL-7B on a warm 4090, 10 frames
   * (about 4.2k prompt tokens) plus 300 answer tokens: 8 s; faster-whisper large-v3 at 20x real
   * time on a 4090, three 60-s windows sent as three jobs, each billed rounded up to the second.
   */
  private static void cost() {
    Pricing gpu = Pricing.perSecond("runpod", "RTX 4090 PRO", Pricing.RUNPOD_4090_USD_PER_SECOND);
    double vision = gpu.bill("v", "vision", new Usage(0, 8_000, 0, 4200, 300, 0), Instant.EPOCH).usd();
    double speech = 3 * gpu.bill("v", "transcription", new Usage(0, 3_000, 0, 0, 0, 60), Instant.EPOCH).usd();
    System.out.printf(Locale.ROOT, "modelled cost per unknown video (warm 4090 PRO, $%.5f/s): vision 8 s $%.5f"
        + " + speech 3 x 3 s $%.5f = $%.4f (goal <= $0.01; original design $0.012)%n",
        Pricing.RUNPOD_4090_USD_PER_SECOND, vision, speech, vision + speech);
    Pricing l4 = Pricing.perSecond("runpod", "L4", 0.00019);
    double cheap = l4.bill("v", "vision", new Usage(0, 12_000, 0, 0, 0, 0), Instant.EPOCH).usd()
        + 3 * l4.bill("v", "transcription", new Usage(0, 5_000, 0, 0, 0, 60), Instant.EPOCH).usd();
    System.out.printf(Locale.ROOT, "  on an L4 ($0.00019/s, assumed 1.5x slower): $%.4f; a cold start of 30-120 s adds"
        + " $0.009-0.037 once per warm window, shared by the videos of a batch%n", cheap);
  }

  private static String peakRss() throws Exception {
    return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
        .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
  }

  interface Work {
    void run() throws Exception;
  }

  /** Process CPU seconds (all threads, FFmpeg's included) spent in {@code work}. */
  private static double cpu(Work work) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long before = os.getProcessCpuTime();
    work.run();
    return (os.getProcessCpuTime() - before) / 1e9;
  }
}
