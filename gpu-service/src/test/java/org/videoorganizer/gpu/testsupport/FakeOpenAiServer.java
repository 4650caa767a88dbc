package org.videoorganizer.gpu.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server on 127.0.0.1 (as vLLM, Ollama or speaches answer):
 * {@code POST /v1/chat/completions} with image_url parts (data URIs of JPEGs checked), and
 * {@code POST /v1/audio/transcriptions} (multipart; the file must be a WAV), with the API's error
 * bodies (401 bad key, 400 bad request, 404 unknown model), usage counts, a latency, and faults on
 * demand (any status with Retry-After, or no answer at all).
 */
public final class FakeOpenAiServer implements AutoCloseable {

  /** One transcription request as received. */
  public record Upload(String model, String fileName, int bytes, String responseFormat) {}

  private final Vertx vertx;
  private final String apiKey;
  private final HttpServer server;
  private final Deque<Integer> faults = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<JsonObject> chats = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Upload> uploads = new ConcurrentLinkedQueue<>();
  private final AtomicInteger count = new AtomicInteger();
  private volatile JsonObject visionAnswer = new JsonObject().put("title_text", null).put("content_type", "other")
      .put("description", "nothing recognisable").put("confidence", 0.1);
  private volatile String prose;
  private volatile String transcript = "";
  private volatile String language = "en";
  private volatile Duration latency = Duration.ZERO;
  private final List<String> models;

  private FakeOpenAiServer(Vertx vertx, String apiKey, List<String> models) throws Exception {
    this.vertx = vertx;
    this.apiKey = apiKey;
    this.models = models;
    this.server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get();
  }

  public static FakeOpenAiServer start(Vertx vertx, String apiKey, String... models) throws Exception {
    return new FakeOpenAiServer(vertx, apiKey, List.of(models));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v1";
  }

  public void answerVision(JsonObject content) {
    this.visionAnswer = content;
    this.prose = null;
  }

  /** The model answers with this text instead of JSON (small models do). */
  public void answerVisionProse(String text) {
    this.prose = text;
  }

  public void answerSpeech(String text, String lang) {
    this.transcript = text;
    this.language = lang;
  }

  public void latency(Duration value) {
    this.latency = value;
  }

  /** The next requests get this status (0: no answer at all), in order. */
  public synchronized void failNext(int status, int times) {
    for (int i = 0; i < times; i++) {
      faults.add(status);
    }
  }

  public List<JsonObject> chatRequests() {
    return List.copyOf(chats);
  }

  public List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  public int requestCount() {
    return count.get();
  }

  private synchronized Integer nextFault() {
    return faults.poll();
  }

  private void handle(HttpServerRequest req) {
    count.incrementAndGet();
    Integer fault = nextFault();
    if (fault != null) {
      if (fault == 0) {
        return; // never answers: the client's timeout must fire
      }
      req.response().setStatusCode(fault).putHeader("Retry-After", "0").putHeader("content-type", "application/json")
          .end(error(fault == 429 ? "Rate limit reached" : "The server had an error", "server_error").encode());
      return;
    }
    if (apiKey != null && !("Bearer " + apiKey).equals(req.getHeader("Authorization"))) {
      reply(req, 401, error("Incorrect API key provided", "invalid_api_key"));
      return;
    }
    switch (req.method().name() + " " + req.path()) {
      case "POST /v1/chat/completions" -> req.body().onSuccess(b -> later(() -> chat(req, b)));
      case "POST /v1/audio/transcriptions" -> transcription(req);
      case "GET /v1/models" -> reply(req, 200, new JsonObject().put("object", "list").put("data",
          new JsonArray(models.stream().map(m -> new JsonObject().put("id", m).put("object", "model")).toList())));
      default -> reply(req, 404, error("Unknown request URL: " + req.method() + " " + req.path(), "unknown_url"));
    }
  }

  private void chat(HttpServerRequest req, Buffer body) {
    JsonObject json;
    try {
      json = body.toJsonObject();
    } catch (RuntimeException e) {
      reply(req, 400, error("We could not parse the JSON body of your request.", "invalid_json"));
      return;
    }
    if (!models.contains(json.getString("model"))) {
      reply(req, 404, error("The model `" + json.getString("model") + "` does not exist", "model_not_found"));
      return;
    }
    int images = 0;
    int textChars = 0;
    for (Object m : json.getJsonArray("messages", new JsonArray())) {
      Object content = ((JsonObject) m).getValue("content");
      if (content instanceof String s) {
        textChars += s.length();
        continue;
      }
      for (Object p : (JsonArray) content) {
        JsonObject part = (JsonObject) p;
        if ("image_url".equals(part.getString("type"))) {
          String url = part.getJsonObject("image_url").getString("url", "");
          if (!url.startsWith("data:image/jpeg;base64,") || !isJpeg(url.substring(23))) {
            reply(req, 400, error("Invalid image in message content", "invalid_image"));
            return;
          }
          images++;
        } else {
          textChars += part.getString("text", "").length();
        }
      }
    }
    chats.add(json);
    String answer = prose != null ? prose : visionAnswer.encode();
    reply(req, 200, new JsonObject().put("id", "chatcmpl-fake").put("object", "chat.completion")
        .put("model", json.getString("model"))
        .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "stop")
            .put("message", new JsonObject().put("role", "assistant").put("content", answer))))
        .put("usage", new JsonObject().put("prompt_tokens", 420 * images + textChars / 4)
            .put("completion_tokens", answer.length() / 4).put("total_tokens", 420 * images + textChars / 4 + answer.length() / 4)));
  }

  private void transcription(HttpServerRequest req) {
    req.setExpectMultipart(true);
    var file = new Object() { String name; Buffer bytes = Buffer.buffer(); };
    req.uploadHandler(u -> {
      file.name = u.filename();
      u.handler(file.bytes::appendBuffer);
    });
    req.endHandler(v -> later(() -> {
      Map<String, String> form = Map.of("model", String.valueOf(req.getFormAttribute("model")),
          "response_format", String.valueOf(req.getFormAttribute("response_format")));
      if (file.name == null) {
        reply(req, 400, error("1 validation error: file field required", "invalid_request_error"));
      } else if (!models.contains(form.get("model"))) {
        reply(req, 404, error("The model `" + form.get("model") + "` does not exist", "model_not_found"));
      } else if (file.bytes.length() < 44 || !file.bytes.getString(0, 4).equals("RIFF")) {
        reply(req, 400, error("Invalid file format.", "invalid_request_error"));
      } else {
        uploads.add(new Upload(form.get("model"), file.name, file.bytes.length(), form.get("response_format")));
        double seconds = (file.bytes.length() - 44) / 32000.0;
        reply(req, 200, new JsonObject().put("task", "transcribe").put("language", language).put("duration", seconds)
            .put("text", transcript).put("segments", new JsonArray().add(new JsonObject().put("id", 0)
                .put("start", 0.0).put("end", seconds).put("text", transcript).put("no_speech_prob", 0.01))));
      }
    }));
  }

  private void later(Runnable action) {
    long ms = latency.toMillis();
    if (ms == 0) {
      action.run();
    } else {
      vertx.setTimer(ms, id -> action.run());
    }
  }

  private static boolean isJpeg(String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      return bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static JsonObject error(String message, String code) {
    return new JsonObject().put("error", new JsonObject().put("message", message).put("type", "invalid_request_error")
        .put("param", null).put("code", code));
  }

  private static void reply(HttpServerRequest req, int status, JsonObject body) {
    req.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get();
  }
}
