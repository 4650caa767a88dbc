package org.videoorganizer.gpu.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A RunPod Serverless queue endpoint on 127.0.0.1: {@code /v2/{endpoint}/run}, {@code /runsync},
 * {@code /status/{id}}, {@code /cancel/{id}}, {@code /health}, with the {@code authorization}
 * header checked, jobs that stay IN_QUEUE for the queue time, IN_PROGRESS for the execution time
 * and then end COMPLETED with the handler's output (or FAILED with its error), delayTime and
 * executionTime in milliseconds, 404 for unknown jobs, and a 10 MB limit on /run bodies.
 */
public final class FakeRunPodServer implements AutoCloseable {

  /** Thrown by a handler to make its job FAILED with this message. */
  public static final class HandlerError extends RuntimeException {
    public HandlerError(String message) {
      super(message);
    }
  }

  private record Job(String id, JsonObject input, long createdNanos, Duration queue, Duration execution) {}

  private final String apiKey;
  private final String endpoint;
  private final HttpServer server;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Map<String, String> cancelled = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Vertx vertx;
  private volatile Function<JsonObject, JsonObject> handler = input -> new JsonObject();
  private volatile Duration queueTime = Duration.ofMillis(50);
  private volatile Duration executionTime = Duration.ofMillis(100);

  private FakeRunPodServer(Vertx vertx, String apiKey, String endpoint) throws Exception {
    this.vertx = vertx;
    this.apiKey = apiKey;
    this.endpoint = endpoint;
    this.server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get();
  }

  public static FakeRunPodServer start(Vertx vertx, String apiKey, String endpoint) throws Exception {
    return new FakeRunPodServer(vertx, apiKey, endpoint);
  }

  public String endpointUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v2/" + endpoint;
  }

  /** Computes each job's output from its input; throw {@link HandlerError} to fail the job. */
  public void handler(Function<JsonObject, JsonObject> value) {
    this.handler = value;
  }

  public void timing(Duration queue, Duration execution) {
    this.queueTime = queue;
    this.executionTime = execution;
  }

  /** Method and path of every request, in arrival order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public List<String> cancelledJobs() {
    return List.copyOf(cancelled.keySet());
  }

  public List<JsonObject> inputs() {
    return jobs.values().stream().map(Job::input).toList();
  }

  private void handle(HttpServerRequest req) {
    requests.add(req.method() + " " + req.path());
    if (!apiKey.equals(req.getHeader("authorization")) && !("Bearer " + apiKey).equals(req.getHeader("authorization"))) {
      reply(req, 401, new JsonObject().put("error", "Unauthorized"));
      return;
    }
    String prefix = "/v2/" + endpoint;
    if (!req.path().startsWith(prefix + "/")) {
      reply(req, 404, new JsonObject().put("error", "endpoint not found"));
      return;
    }
    String[] rest = req.path().substring(prefix.length() + 1).split("/");
    switch (req.method().name() + " " + rest[0]) {
      case "POST run" -> req.body().onSuccess(b -> submit(req, b.length() > 10_000_000 ? null : b.toJsonObject(), 0));
      case "POST runsync" -> req.body().onSuccess(b -> submit(req, b.toJsonObject(),
          Long.parseLong(req.getParam("wait", "90000"))));
      case "GET status" -> withJob(req, rest, job -> reply(req, 200, status(job)));
      case "POST cancel" -> withJob(req, rest, job -> {
        cancelled.put(job.id(), "CANCELLED");
        reply(req, 200, new JsonObject().put("id", job.id()).put("status", "CANCELLED"));
      });
      case "GET health" -> reply(req, 200, new JsonObject().put("jobs", new JsonObject().put("inQueue", 0))
          .put("workers", new JsonObject().put("idle", 1).put("running", 0)));
      default -> reply(req, 404, new JsonObject().put("error", "not found"));
    }
  }

  private void submit(HttpServerRequest req, JsonObject body, long waitMillis) {
    if (body == null) {
      reply(req, 413, new JsonObject().put("error", "payload too large: /run accepts at most 10 MB"));
      return;
    }
    if (!(body.getValue("input") instanceof JsonObject input)) {
      reply(req, 400, new JsonObject().put("error", "input is required"));
      return;
    }
    var job = new Job("fake-" + ids.incrementAndGet() + "-u1", input, System.nanoTime(), queueTime, executionTime);
    jobs.put(job.id(), job);
    if (waitMillis == 0) {
      reply(req, 200, new JsonObject().put("id", job.id()).put("status", "IN_QUEUE"));
      return;
    }
    long until = Math.min(waitMillis, job.queue().plus(job.execution()).toMillis() + 20);
    vertx.setTimer(Math.max(1, until), t -> reply(req, 200, status(job)));
  }

  private JsonObject status(Job job) {
    var out = new JsonObject().put("id", job.id());
    if (cancelled.containsKey(job.id())) {
      return out.put("status", "CANCELLED");
    }
    Duration age = Duration.ofNanos(System.nanoTime() - job.createdNanos());
    if (age.compareTo(job.queue()) < 0) {
      return out.put("status", "IN_QUEUE");
    }
    out.put("delayTime", job.queue().toMillis());
    if (age.compareTo(job.queue().plus(job.execution())) < 0) {
      return out.put("status", "IN_PROGRESS");
    }
    out.put("executionTime", job.execution().toMillis());
    try {
      return out.put("status", "COMPLETED").put("output", handler.apply(job.input()));
    } catch (HandlerError e) {
      return out.put("status", "FAILED").put("error", e.getMessage());
    }
  }

  private void withJob(HttpServerRequest req, String[] rest, java.util.function.Consumer<Job> action) {
    Job job = rest.length > 1 ? jobs.get(rest[1]) : null;
    if (job == null) {
      reply(req, 404, new JsonObject().put("error", "request does not exist"));
    } else {
      action.accept(job);
    }
  }

  private static void reply(HttpServerRequest req, int status, JsonObject body) {
    req.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get();
  }
}
