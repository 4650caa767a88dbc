package org.videoorganizer.gpu.remote;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import java.util.Base64;
import java.util.List;
import org.videoorganizer.gpu.cost.Pricing;
import org.videoorganizer.gpu.cost.Usage;
import org.videoorganizer.gpu.extract.AudioClip;
import org.videoorganizer.gpu.extract.KeyFrame;

/**
 * The two OpenAI-compatible routes that reach the most backends: {@code POST /chat/completions}
 * with the key frames as {@code image_url} data URIs, and {@code POST /audio/transcriptions}
 * (multipart, WAV, {@code verbose_json} for the language). Blocking; call it from a worker or
 * virtual thread. Costs: the pricing's $/s times the wall time (a pod or self-hosted server), or
 * the reported token counts times the token prices (hosted APIs).
 */
public final class OpenAiCompatibleClient implements FrameDescriber, Transcriber, AutoCloseable {

  private final OpenAiSettings settings;
  private final WebClient web;
  private final HttpCalls calls;

  public OpenAiCompatibleClient(Vertx vertx, OpenAiSettings settings) {
    this.settings = settings;
    this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000)
        .setUserAgent("video-organizer-gpu"));
    this.calls = new HttpCalls(settings.pricing().backend(), settings.attempts(), settings.backoff());
  }

  @Override
  public VisualAnalysis describe(List<KeyFrame> frames, String hints)
      throws BackendUnavailableException, BackendRejectedException {
    var content = new JsonArray().add(new JsonObject().put("type", "text")
        .put("text", VisionPrompt.question(frames.size(), hints)));
    for (KeyFrame f : frames) {
      content.add(new JsonObject().put("type", "image_url").put("image_url",
          new JsonObject().put("url", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(f.jpeg()))));
    }
    var body = new JsonObject().put("model", settings.visionModel()).put("temperature", 0).put("max_tokens", 400)
        .put("response_format", new JsonObject().put("type", "json_object"))
        .put("messages", new JsonArray()
            .add(new JsonObject().put("role", "system").put("content", VisionPrompt.SYSTEM))
            .add(new JsonObject().put("role", "user").put("content", content)));
    long start = System.nanoTime();
    HttpResponse<Buffer> r = calls.send("POST /chat/completions", () -> post("/chat/completions").sendJsonObject(body));
    long wall = (System.nanoTime() - start) / 1_000_000;
    JsonObject json = json(r);
    JsonObject usage = json.getJsonObject("usage", new JsonObject());
    String text = null;
    JsonArray choices = json.getJsonArray("choices");
    if (choices != null && !choices.isEmpty() && choices.getJsonObject(0).getJsonObject("message") != null) {
      text = choices.getJsonObject(0).getJsonObject("message").getString("content");
    }
    return VisionPrompt.read(settings.pricing().backend(), text, new Usage(wall, wall, 0,
        usage.getLong("prompt_tokens", 0L), usage.getLong("completion_tokens", 0L), 0));
  }

  @Override
  public Transcript transcribe(AudioClip clip) throws BackendUnavailableException, BackendRejectedException {
    Buffer wav = Buffer.buffer(clip.wav());
    long start = System.nanoTime();
    HttpResponse<Buffer> r = calls.send("POST /audio/transcriptions", () -> post("/audio/transcriptions")
        .sendMultipartForm(MultipartForm.create()
            .binaryFileUpload("file", "clip.wav", wav, "audio/wav")
            .attribute("model", settings.speechModel())
            .attribute("response_format", "verbose_json")
            .attribute("temperature", "0")));
    long wall = (System.nanoTime() - start) / 1_000_000;
    JsonObject json = json(r);
    if (!(json.getValue("text") instanceof String text)) {
      throw new BackendRejectedException(settings.pricing().backend(), "the transcription has no text field: "
          + HttpCalls.excerpt(json.encode()));
    }
    return new Transcript(text.strip(), json.getString("language"), new Usage(wall, wall, 0, 0, 0, clip.seconds()));
  }

  @Override
  public Pricing pricing() {
    return settings.pricing();
  }

  @Override
  public void close() {
    web.close();
  }

  private HttpRequest<Buffer> post(String path) {
    HttpRequest<Buffer> request = web.postAbs(settings.baseUrl() + path).timeout(settings.timeout().toMillis());
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      request.bearerTokenAuthentication(settings.apiKey());
    }
    return request;
  }

  private JsonObject json(HttpResponse<Buffer> r) throws BackendRejectedException {
    try {
      return r.bodyAsJsonObject();
    } catch (RuntimeException e) {
      throw new BackendRejectedException(settings.pricing().backend(), "the answer is not JSON: "
          + HttpCalls.excerpt(r.bodyAsString()));
    }
  }
}
