package org.videoorganizer.config;

import java.util.Optional;
import java.util.Set;
import org.videoorganizer.config.VorgConfig.AnalysisConfig;
import org.videoorganizer.config.VorgConfig.RemoteAnalysisConfig;

/** The {@code analysis} section: which videos are looked inside, the remote backend, its prices and budgets. */
final class Analysis {

  static final Set<String> KEYS = Set.of("enabled", "videos", "remote", "url", "model", "speech_url", "speech_remote", "speech_model",
      "gpu_class", "usd_per_second", "timeout", "daily_budget_usd", "monthly_budget_usd", "per_video_budget_usd");
  private static final String VIDEOS = "when_needed (review, no match, Other/, generic names) or all";
  private static final String SPEECH = "openai (an OpenAI-compatible /v1 URL) or runpod (a RunPod faster-whisper endpoint)";
  private static final String REMOTE = "none, openai (an OpenAI-compatible /v1 URL) or runpod (a RunPod endpoint URL)";

  private Analysis() {}

  static AnalysisConfig bind(Node node, Secrets secrets) {
    node.onlyKeys(KEYS);
    Node videos = node.child("videos");
    String which = videos.requiredText(VIDEOS).strip();
    if (!which.equals("when_needed") && !which.equals("all")) {
      throw new ConfigException(videos.key(), which, VIDEOS);
    }
    return new AnalysisConfig(node.child("enabled").bool(), which.equals("all"), remote(node, secrets),
        node.child("daily_budget_usd").decimal(0, 1e6), node.child("monthly_budget_usd").decimal(0, 1e7),
        node.child("per_video_budget_usd").decimal(0, 1e4));
  }

  private static Optional<RemoteAnalysisConfig> remote(Node node, Secrets secrets) {
    Node kindNode = node.child("remote");
    String kind = kindNode.requiredText(REMOTE).strip();
    if (kind.equals("none")) {
      return Optional.empty();
    }
    if (!kind.equals("openai") && !kind.equals("runpod")) {
      throw new ConfigException(kindNode.key(), kind, REMOTE);
    }
    Node urlNode = node.child("url");
    String url = urlNode.text().map(String::strip).filter(u -> !u.isEmpty()).orElseThrow(() -> new ConfigException(
        urlNode.key(), null, kind.equals("openai") ? "the server's base URL ending in /v1, since analysis.remote is openai"
            : "the endpoint URL https://api.runpod.ai/v2/ENDPOINT_ID, since analysis.remote is runpod"));
    checkHttp(urlNode, url);
    Optional<Secret> key = secrets.get("VORG_ANALYSIS_API_KEY");
    if (kind.equals("runpod") && key.isEmpty()) {
      throw new ConfigException("VORG_ANALYSIS_API_KEY", null,
          "a RunPod API key in VORG_ANALYSIS_API_KEY or VORG_ANALYSIS_API_KEY_FILE, since analysis.remote is runpod");
    }
    Node speechNode = node.child("speech_url");
    Optional<String> speech = speechNode.text().map(String::strip).filter(u -> !u.isEmpty());
    speech.ifPresent(u -> checkHttp(speechNode, u));
    if (speech.isPresent() && kind.equals("runpod")) {
      throw new ConfigException(speechNode.key(), speech.get(), "empty, since analysis.remote runpod already gives speech "
          + "(for a vision model with RunPod speech: remote openai, speech_url the RunPod endpoint, speech_remote runpod)");
    }
    Node speechKind = node.child("speech_remote");
    String speechRemote = speechKind.requiredText(SPEECH).strip();
    if (!speechRemote.equals("openai") && !speechRemote.equals("runpod")) {
      throw new ConfigException(speechKind.key(), speechRemote, SPEECH);
    }
    Optional<Secret> speechKey = secrets.get("VORG_ANALYSIS_SPEECH_API_KEY");
    if (speech.isPresent() && speechRemote.equals("runpod") && speechKey.isEmpty()) {
      throw new ConfigException("VORG_ANALYSIS_SPEECH_API_KEY", null, "a RunPod API key in VORG_ANALYSIS_SPEECH_API_KEY "
          + "or VORG_ANALYSIS_SPEECH_API_KEY_FILE, since analysis.speech_remote is runpod");
    }
    return Optional.of(new RemoteAnalysisConfig(kind, url.replaceAll("/+$", ""), node.child("model").requiredText("a model name"),
        speech.map(u -> u.replaceAll("/+$", "")), speechRemote, node.child("speech_model").requiredText("a model name"), key,
        speechKey, node.child("gpu_class").requiredText("a GPU class such as RTX 4090 PRO"), node.child("usd_per_second").decimal(0, 1),
        node.child("timeout").duration()));
  }

  private static void checkHttp(Node node, String url) {
    if (!url.matches("https?://[^/\\s]+.*")) {
      throw new ConfigException(node.key(), url, "an http(s) URL such as http://127.0.0.1:8000/v1");
    }
  }
}
