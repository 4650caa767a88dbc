package org.videoorganizer.daemon.cli;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.videoorganizer.gpu.AnalysisRequest;
import org.videoorganizer.gpu.ContentAnalyzer;
import org.videoorganizer.gpu.RemoteBackends;
import org.videoorganizer.gpu.ReportJson;
import org.videoorganizer.gpu.cost.Budget;
import org.videoorganizer.gpu.cost.InMemoryCostLedger;
import org.videoorganizer.gpu.extract.UnreadableVideoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vorg analyze FILE...}: looks inside each video (container facts, decode check, key
 * frames, OCR; with {@code --remote} the vision and speech backends too) and writes one JSON
 * object per file on standard output. API keys come from the environment only.
 */
@Command(
    name = "analyze",
    header = "Looks inside videos (key frames, OCR, runtime; --remote: vision and speech models), as JSON lines.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one JSON object per file: probe (duration, codecs, audio languages, subtitles), damage, OCR lines, "
          + "title proposals, and with --remote the description, transcript, spoken language, remote status and costs.",
      "Keys: VORG_VISION_API_KEY, VORG_SPEECH_API_KEY, VORG_RUNPOD_API_KEY."
    })
public final class AnalyzeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Video files to analyse.")
  List<Path> files;

  @Option(names = "--remote", description = "Also call the configured remote backends.")
  boolean remote;

  @Option(names = "--vision-url", paramLabel = "URL", description = "OpenAI-compatible base URL ending in /v1 for the vision model.")
  String visionUrl;

  @Option(names = "--vision-model", paramLabel = "NAME", defaultValue = "Qwen/Qwen2.5-VL-7B-Instruct")
  String visionModel;

  @Option(names = "--speech-url", paramLabel = "URL", description = "OpenAI-compatible base URL ending in /v1 for /audio/transcriptions.")
  String speechUrl;

  @Option(names = "--speech-model", paramLabel = "NAME", defaultValue = "Systran/faster-whisper-large-v3")
  String speechModel;

  @Option(names = "--runpod-endpoint", paramLabel = "URL", description = "RunPod faster-whisper endpoint, https://api.runpod.ai/v2/ID.")
  String runpodEndpoint;

  @Option(names = "--gpu-class", paramLabel = "NAME", defaultValue = "RTX 4090 PRO")
  String gpuClass;

  @Option(names = "--usd-per-second", paramLabel = "USD", defaultValue = "0.00031", description = "GPU price for cost records (default: RunPod 4090 PRO flex).")
  double usdPerSecond;

  @Option(names = "--per-video-usd", paramLabel = "USD", defaultValue = "0.05", description = "Cap on remote spending per video.")
  double perVideoUsd;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120")
  long timeoutSeconds;

  private final Map<String, String> env;

  public AnalyzeCommand() {
    this(System.getenv());
  }

  AnalyzeCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Vertx vertx = Vertx.vertx();
    var settings = new RemoteBackends.Settings(visionUrl, visionModel, env.get("VORG_VISION_API_KEY"), speechUrl,
        speechModel, env.get("VORG_SPEECH_API_KEY"), runpodEndpoint, env.get("VORG_RUNPOD_API_KEY"), gpuClass,
        usdPerSecond, Duration.ofSeconds(timeoutSeconds));
    int failed = 0;
    try (var backends = new RemoteBackends(vertx, settings);
        ContentAnalyzer analyzer = backends.configure(ContentAnalyzer.builder())
            .ledger(new InMemoryCostLedger()).budget(new Budget(Double.MAX_VALUE, Double.MAX_VALUE, perVideoUsd))
            .build()) {
      for (Path file : files) {
        AnalysisRequest request = AnalysisRequest.local(file.toString());
        try {
          out.println(ReportJson.of(analyzer.analyze(file, remote ? request.withRemote() : request)));
        } catch (UnreadableVideoException e) {
          failed++;
          out.println("{\"file\":" + quote(file.toString()) + ",\"error\":" + quote(e.getMessage()) + "}");
        }
        out.flush();
      }
    } finally {
      vertx.close();
    }
    if (failed > 0) {
      err.println("vorg analyze: " + failed + " of " + files.size() + " file(s) could not be read as video");
      return VorgCommand.FAILED;
    }
    return 0;
  }

  private static String quote(String s) {
    return io.vertx.core.json.Json.encode(s);
  }
}
