package org.videoorganizer.core.tmdb.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TMDB v3 look-alike on 127.0.0.1 and an ephemeral port, for tests: search (movie, tv, multi)
 * with TMDB's year semantics and pagination, details with append_to_response, seasons,
 * episodes, find, episode groups, configuration, the error bodies, and faults on demand (any
 * status, 429 with Retry-After, slow answers, malformed JSON, a request budget per second).
 *
 * <pre>{@code
 * try (var tmdb = FakeTmdbServer.start()) {
 *   TmdbClient client = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY).build();
 * }
 * }</pre>
 */
public final class FakeTmdbServer implements AutoCloseable {

  /** The v3 key the server accepts. */
  public static final String API_KEY = "0123456789abcdef0123456789abcdef";

  /** The bearer token the server accepts. */
  public static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.fake-read-access-token.sig";

  /** A scripted answer for one of the next requests. */
  public record Fault(int status, String body, Map<String, String> headers, Duration delay) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final FakeRoutes routes;
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
  private final AtomicInteger count = new AtomicInteger();
  private final Deque<Long> window = new ArrayDeque<>();
  private volatile int budgetPerSecond;
  private volatile int budgetRetryAfter;

  private FakeTmdbServer(FakeCatalog catalog) throws IOException {
    this.routes = new FakeRoutes(catalog);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "fake-tmdb");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A server over the committed catalog. */
  public static FakeTmdbServer start() {
    return start(FakeCatalog.standard());
  }

  public static FakeTmdbServer start(FakeCatalog catalog) {
    try {
      return new FakeTmdbServer(catalog);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake TMDB on 127.0.0.1", e);
    }
  }

  /** The base URL to give the client, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests answered so far (faults included). */
  public int requestCount() {
    return count.get();
  }

  /** Path and query of every request so far, credentials removed, in arrival order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public void resetCounters() {
    count.set(0);
    requests.clear();
  }

  /** The next requests get these answers, in order, before normal service resumes. */
  public synchronized void enqueue(Fault fault) {
    faults.addLast(fault);
  }

  /** The next {@code times} requests fail with this status and TMDB's error body for it. */
  public void failNext(int status, int times) {
    for (int i = 0; i < times; i++) {
      enqueue(new Fault(status, errorBody(status), Map.of(), Duration.ZERO));
    }
  }

  /** The next {@code times} requests get 429 with {@code Retry-After: seconds}. */
  public void rateLimitNext(int times, int retryAfterSeconds) {
    for (int i = 0; i < times; i++) {
      enqueue(new Fault(429, errorBody(429), Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
          Duration.ZERO));
    }
  }

  /** The next {@code times} requests answer 200 with a cut-off JSON body. */
  public void malformedNext(int times) {
    for (int i = 0; i < times; i++) {
      enqueue(new Fault(200, "{\"page\":1,\"results\":[{\"id\":", Map.of(), Duration.ZERO));
    }
  }

  /** The next {@code times} requests answer normally but only after {@code delay}. */
  public void delayNext(Duration delay, int times) {
    for (int i = 0; i < times; i++) {
      enqueue(new Fault(0, null, Map.of(), delay));
    }
  }

  /** More than {@code perSecond} requests in any second get 429; 0 turns the budget off. */
  public void budget(int perSecond, int retryAfterSeconds) {
    this.budgetPerSecond = perSecond;
    this.budgetRetryAfter = retryAfterSeconds;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      count.incrementAndGet();
      Map<String, String> params = query(ex.getRequestURI().getRawQuery());
      requests.add(ex.getRequestURI().getPath() + describe(params));
      Fault fault = nextFault();
      if (fault != null && fault.delay().isPositive()) {
        sleep(fault.delay());
      }
      if (fault != null && fault.status() > 0) {
        fault.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        send(ex, fault.status(), fault.body());
        return;
      }
      if (!authorized(ex, params)) {
        send(ex, 401, errorBody(401));
        return;
      }
      if (overBudget()) {
        ex.getResponseHeaders().add("Retry-After", String.valueOf(budgetRetryAfter));
        send(ex, 429, errorBody(429));
        return;
      }
      FakeRoutes.Answer answer = routes.answer(ex.getRequestURI().getPath(), params);
      send(ex, answer.status(), answer.body().toString());
    }
  }

  private synchronized Fault nextFault() {
    return faults.pollFirst();
  }

  private synchronized boolean overBudget() {
    if (budgetPerSecond <= 0) {
      return false;
    }
    long now = System.nanoTime();
    while (!window.isEmpty() && now - window.peekFirst() > 1_000_000_000L) {
      window.pollFirst();
    }
    if (window.size() >= budgetPerSecond) {
      return true;
    }
    window.addLast(now);
    return false;
  }

  private static boolean authorized(HttpExchange ex, Map<String, String> params) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    return API_KEY.equals(params.get("api_key")) || ("Bearer " + TOKEN).equals(header);
  }

  static String errorBody(int status) {
    JsonNode body = switch (status) {
      case 401 -> FakeJson.error(7, "Invalid API key: You must be granted a valid key.");
      case 404 -> FakeJson.error(34, "The resource you requested could not be found.");
      case 429 -> FakeJson.JSON.createObjectNode().put("status_code", 25)
          .put("status_message", "Your request count (41) is over the allowed limit of 40.");
      case 503 -> FakeJson.error(46, "The API is undergoing maintenance. Try again later.");
      case 504 -> FakeJson.error(24, "Your request to the backend server timed out. Try again.");
      default -> FakeJson.error(11, "Internal error: Something went wrong, contact TMDB.");
    };
    return body.toString();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    var params = new LinkedHashMap<String, String>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return params;
  }

  private static String describe(Map<String, String> params) {
    var sb = new StringBuilder();
    params.forEach((k, v) -> {
      if (!k.equals("api_key")) {
        sb.append(sb.isEmpty() ? '?' : '&').append(k).append('=').append(v);
      }
    });
    return sb.toString();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
