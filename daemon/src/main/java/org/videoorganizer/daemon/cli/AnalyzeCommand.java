package org.videoorganizer.daemon.cli;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.videoorganizer.config.ConfigException;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.config.VorgConfig.AnalysisConfig;
import org.videoorganizer.daemon.analyze.VideoAnalysis;
import org.videoorganizer.gpu.ReportJson;
import org.videoorganizer.gpu.cost.InMemoryCostLedger;
import org.videoorganizer.gpu.extract.UnreadableVideoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vorg analyze FILE...}: looks inside each video (container facts, decode check, key
 * frames, OCR; with {@code --remote} the configured vision or speech backend too) and writes one
 * JSON object per file on standard output. The backend, its prices and the budgets are the
 * daemon's {@code analysis} settings, read by the config module ({@code --config FILE}, then
 * {@code VORG_ANALYSIS_*}); each option here overrides one of them.
 */
@Command(
    name = "analyze",
    header = "Looks inside videos (key frames, OCR, runtime; --remote: vision and speech models), as JSON lines.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one JSON object per file: probe (duration, codecs, audio languages, subtitles), damage, OCR lines, "
          + "title proposals, and with --remote the description, transcript, spoken language, remote status and costs.",
      "The remote backend comes from the analysis section of --config FILE and VORG_ANALYSIS_* variables; "
          + "its key only from VORG_ANALYSIS_API_KEY or VORG_ANALYSIS_API_KEY_FILE."
    })
public final class AnalyzeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Video files to analyse.")
  List<Path> files;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "The daemon's YAML configuration; its analysis section is used. VORG_ANALYSIS_* variables override it.")
  Path config;

  @Option(names = "--remote", description = "Also call the configured remote backend.")
  boolean remote;

  @Option(names = "--vision-url", paramLabel = "URL",
      description = "OpenAI-compatible base URL ending in /v1 for the vision model (analysis.remote openai, analysis.url).")
  String visionUrl;

  @Option(names = "--vision-model", paramLabel = "NAME", description = "analysis.model")
  String visionModel;

  @Option(names = "--speech-url", paramLabel = "URL",
      description = "OpenAI-compatible base URL ending in /v1 for /audio/transcriptions (analysis.speech_url).")
  String speechUrl;

  @Option(names = "--speech-model", paramLabel = "NAME", description = "analysis.speech_model")
  String speechModel;

  @Option(names = "--runpod-endpoint", paramLabel = "URL",
      description = "RunPod faster-whisper endpoint https://api.runpod.ai/v2/ID: with --vision-url analysis.speech_url "
          + "(speech_remote runpod, key VORG_ANALYSIS_SPEECH_API_KEY), alone analysis.remote runpod (key VORG_ANALYSIS_API_KEY).")
  String runpodEndpoint;

  @Option(names = "--gpu-class", paramLabel = "NAME", description = "analysis.gpu_class")
  String gpuClass;

  @Option(names = "--usd-per-second", paramLabel = "USD", description = "analysis.usd_per_second")
  Double usdPerSecond;

  @Option(names = "--per-video-usd", paramLabel = "USD", description = "analysis.per_video_budget_usd")
  Double perVideoUsd;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "analysis.timeout, in seconds")
  Long timeoutSeconds;

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
    AnalysisConfig settings = settings();
    Vertx vertx = Vertx.vertx();
    int failed = 0;
    try (VideoAnalysis analysis = VideoAnalysis.forCommandLine(settings, vertx, new InMemoryCostLedger())) {
      for (Path file : files) {
        try {
          out.println(ReportJson.of(analysis.analyze(file.toString(), file, remote)));
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

  /** The analysis settings with the options laid over them as the variables they stand for; a mistake is a usage mistake. */
  private AnalysisConfig settings() {
    if (speechUrl != null && runpodEndpoint != null) {
      throw new ParameterException(spec.commandLine(), "--speech-url and --runpod-endpoint both name the speech "
          + "backend: give one");
    }
    Map<String, String> vars = new HashMap<>(env);
    Optional.ofNullable(visionUrl).ifPresent(u -> vars.putAll(Map.of("VORG_ANALYSIS_REMOTE", "openai", "VORG_ANALYSIS_URL", u)));
    if (runpodEndpoint != null && visionUrl != null) { // vision there, speech on RunPod
      vars.putAll(Map.of("VORG_ANALYSIS_SPEECH_URL", runpodEndpoint, "VORG_ANALYSIS_SPEECH_REMOTE", "runpod"));
    } else if (runpodEndpoint != null) {
      vars.putAll(Map.of("VORG_ANALYSIS_REMOTE", "runpod", "VORG_ANALYSIS_URL", runpodEndpoint));
    }
    if (speechUrl != null) {
      vars.putAll(Map.of("VORG_ANALYSIS_SPEECH_URL", speechUrl, "VORG_ANALYSIS_SPEECH_REMOTE", "openai"));
    }
    put(vars, "MODEL", visionModel);
    put(vars, "SPEECH_MODEL", speechModel);
    put(vars, "GPU_CLASS", gpuClass);
    put(vars, "USD_PER_SECOND", usdPerSecond);
    put(vars, "PER_VIDEO_BUDGET_USD", perVideoUsd);
    put(vars, "TIMEOUT", timeoutSeconds == null ? null : timeoutSeconds + "s");
    try {
      return ConfigLoader.analysis(Optional.ofNullable(config), vars);
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), "configuration: " + e.getMessage(), e);
    }
  }

  private static void put(Map<String, String> vars, String key, Object value) {
    if (value != null) {
      vars.put("VORG_ANALYSIS_" + key, value.toString());
    }
  }

  private static String quote(String s) {
    return io.vertx.core.json.Json.encode(s);
  }
}
