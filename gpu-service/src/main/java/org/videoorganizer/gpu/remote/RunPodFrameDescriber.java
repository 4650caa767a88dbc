package org.videoorganizer.gpu.remote;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.cost.Usage;
import org.videoorganizer.gpu.extract.KeyFrame;

/**
 * Frames through a RunPod queue worker that runs a vision model (the original design's
 * LLaVA-Video handler, which vLLM cannot serve). Input: {@code system}, {@code prompt} and
 * {@code images} (base64 JPEGs); output: the same JSON object the chat route asks for
 * ({@code title_text}, {@code content_type}, {@code year}, {@code description}, {@code confidence}),
 * optionally with {@code usage: {prompt_tokens, completion_tokens}}.
 */
public final class RunPodFrameDescriber implements FrameDescriber {

  private final RunPodClient client;

  public RunPodFrameDescriber(RunPodClient client) {
    this.client = client;
  }

  @Override
  public VisualAnalysis describe(List<KeyFrame> frames, String hints)
      throws BackendUnavailableException, BackendRejectedException {
    var images = new JsonArray();
    frames.forEach(f -> images.add(Base64.getEncoder().encodeToString(f.jpeg())));
    var input = new JsonObject().put("system", VisionPrompt.SYSTEM)
        .put("prompt", VisionPrompt.question(frames.size(), hints)).put("images", images);
    RunPodJob job = client.run(input);
    JsonObject usage = job.output().getJsonObject("usage", new JsonObject());
    return VisionPrompt.read(pricing().backend(), job.output().encode(), new Usage(job.wallMillis(),
        job.executionMillis(), job.delayMillis(), usage.getLong("prompt_tokens", 0L),
        usage.getLong("completion_tokens", 0L), 0));
  }

  @Override
  public Pricing pricing() {
    return client.settings().pricing();
  }
}
