package org.videoorganizer.gpu.remote;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;

/**
 * RunPod Serverless' queue API: {@code POST /run} (or {@code /runsync}, which may hand back a job
 * still queued), {@code GET /status/{id}} polled with doubling pauses until COMPLETED, FAILED,
 * CANCELLED or TIMED_OUT, and {@code POST /cancel/{id}} when the client stops waiting, so that no
 * worker keeps billing for an answer nobody reads. Blocking; call it from a worker or virtual thread.
 */
public final class RunPodClient implements AutoCloseable {

  private final RunPodSettings settings;
  private final WebClient web;
  private final HttpCalls calls;

  public RunPodClient(Vertx vertx, RunPodSettings settings) {
    this.settings = settings;
    this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000)
        .setUserAgent("video-organizer-gpu"));
    this.calls = new HttpCalls(settings.pricing().backend(), settings.attempts(), settings.backoff());
  }

  public RunPodSettings settings() {
    return settings;
  }

  /** Queues a job with {@code /run} and waits for its end. */
  public RunPodJob run(JsonObject input) throws BackendUnavailableException, BackendRejectedException {
    return submit("/run", input);
  }

  /** Sends a job with {@code /runsync}; when RunPod answers before it is done, goes on polling. */
  public RunPodJob runSync(JsonObject input) throws BackendUnavailableException, BackendRejectedException {
    return submit("/runsync?wait=" + Math.min(300_000, Math.max(1_000, settings.jobTimeout().toMillis())), input);
  }

  private RunPodJob submit(String path, JsonObject input) throws BackendUnavailableException, BackendRejectedException {
    long start = System.nanoTime();
    var body = new JsonObject().put("input", input)
        .put("policy", new JsonObject().put("executionTimeout", settings.executionTimeout().toMillis()));
    JsonObject job = json(calls.send("POST " + path, () -> request("POST", path).sendJsonObject(body)));
    String id = job.getString("id");
    if (id == null) {
      throw new BackendRejectedException(backend(), path + " answered without a job id: " + HttpCalls.excerpt(job.encode()));
    }
    long deadline = start + settings.jobTimeout().toNanos();
    Duration pause = settings.firstPoll();
    while (!terminal(job.getString("status"))) {
      if (System.nanoTime() + pause.toNanos() > deadline) {
        cancel(id);
        throw new BackendUnavailableException(backend(), "job " + id + " still " + job.getString("status")
            + " after " + settings.jobTimeout().toSeconds() + " s; cancelled", null);
      }
      sleep(pause);
      pause = pause.multipliedBy(2).compareTo(settings.maxPoll()) > 0 ? settings.maxPoll() : pause.multipliedBy(2);
      job = json(calls.send("GET /status", () -> request("GET", "/status/" + id).send()));
    }
    return finished(id, job, (System.nanoTime() - start) / 1_000_000);
  }

  private RunPodJob finished(String id, JsonObject job, long wall) throws BackendUnavailableException,
      BackendRejectedException {
    String status = job.getString("status");
    switch (status) {
      case "COMPLETED" -> {
        Object output = job.getValue("output");
        JsonObject out = output instanceof JsonObject o ? o : new JsonObject().put("value", output);
        return new RunPodJob(id, status, job.getLong("delayTime", 0L), job.getLong("executionTime", 0L), wall, out);
      }
      case "FAILED" -> throw new BackendRejectedException(backend(), "job " + id + " FAILED: "
          + HttpCalls.excerpt(String.valueOf(job.getValue("error"))));
      default -> throw new BackendUnavailableException(backend(), "job " + id + " ended " + status, null);
    }
  }

  /** Asks RunPod to stop a job; a failure to cancel is reported in the caller's message only. */
  void cancel(String id) {
    try {
      calls.send("POST /cancel", () -> request("POST", "/cancel/" + id).send());
    } catch (BackendUnavailableException | BackendRejectedException e) {
      // the job times out on RunPod's side by its executionTimeout policy
    }
  }

  private static boolean terminal(String status) {
    return status != null && !status.equals("IN_QUEUE") && !status.equals("IN_PROGRESS");
  }

  private HttpRequest<Buffer> request(String method, String path) {
    String url = settings.endpointUrl() + path;
    HttpRequest<Buffer> r = method.equals("GET") ? web.getAbs(url) : web.postAbs(url);
    return r.timeout(Math.max(10_000, path.startsWith("/runsync") ? settings.jobTimeout().toMillis() + 5_000 : 30_000))
        .putHeader("authorization", settings.apiKey() == null ? "" : settings.apiKey());
  }

  private JsonObject json(HttpResponse<Buffer> r) throws BackendRejectedException {
    try {
      return r.bodyAsJsonObject();
    } catch (RuntimeException e) {
      throw new BackendRejectedException(backend(), "the answer is not JSON: " + HttpCalls.excerpt(r.bodyAsString()));
    }
  }

  private String backend() {
    return settings.pricing().backend();
  }

  private void sleep(Duration d) throws BackendUnavailableException {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException(backend(), "interrupted while polling", e);
    }
  }

  @Override
  public void close() {
    web.close();
  }
}
