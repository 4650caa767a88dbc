package org.videoorganizer.gpu.remote;

import java.time.Duration;
import org.videoorganizer.gpu.cost.Pricing;

/**
 * An OpenAI-compatible server: vLLM, Ollama, llama.cpp, LM Studio, speaches, whisper.cpp (started
 * with {@code --inference-path /v1/audio/transcriptions}), a RunPod worker-vllm or load-balancing
 * endpoint, or a hosted API.
 *
 * @param baseUrl the URL the OpenAI paths hang under, ending in {@code /v1}, e.g. {@code http://127.0.0.1:11434/v1}
 * @param apiKey the bearer key, or null for servers that need none
 * @param visionModel the chat model that takes images, e.g. {@code Qwen/Qwen2.5-VL-7B-Instruct}
 * @param speechModel the transcription model, e.g. {@code Systran/faster-whisper-large-v3}
 * @param timeout the longest wait for one answer
 * @param attempts tries per call (429, 5xx, timeouts and refused connections are retried)
 * @param backoff the pause after the first failed try, doubled after each further one
 */
public record OpenAiSettings(String baseUrl, String apiKey, String visionModel, String speechModel, Duration timeout,
    int attempts, Duration backoff, Pricing pricing) {

  public OpenAiSettings {
    if (baseUrl == null || !baseUrl.matches("https?://.+")) {
      throw new IllegalArgumentException("an OpenAI-compatible base URL must start with http:// or https://, got '"
          + baseUrl + "'");
    }
    baseUrl = baseUrl.replaceAll("/+$", "");
  }
}
