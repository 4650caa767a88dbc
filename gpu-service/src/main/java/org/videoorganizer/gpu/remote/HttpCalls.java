package org.videoorganizer.gpu.remote;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.videoorganizer.blocking.Blocking;

/**
 * Blocking calls with retries over Vert.x's web client, for callers on worker or virtual threads
 * (never the event loop). Refused connections, timeouts, 429 and 5xx are retried with doubling
 * pauses (429's Retry-After is honoured up to 30 s) and end as {@link BackendUnavailableException};
 * other 4xx end at once as {@link BackendRejectedException}.
 */
final class HttpCalls {

  private final String backend;
  private final int attempts;
  private final Duration backoff;

  HttpCalls(String backend, int attempts, Duration backoff) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts + " for " + backend);
    }
    this.backend = backend;
    this.attempts = attempts;
    this.backoff = backoff;
  }

  /** Sends (a fresh request each attempt) until a 2xx answer, which is returned. */
  HttpResponse<Buffer> send(String what, Supplier<Future<HttpResponse<Buffer>>> request)
      throws BackendUnavailableException, BackendRejectedException {
    String last = "";
    Throwable cause = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      long pause = backoff.toMillis() << (attempt - 1);
      try {
        // No bound of our own: every request carries its timeout (OpenAiSettings.timeout, RunPod's job timeout).
        HttpResponse<Buffer> r = Blocking.await(request.get(), Long.MAX_VALUE, TimeUnit.MILLISECONDS);
        int status = r.statusCode();
        if (status / 100 == 2) {
          return r;
        }
        last = what + " answered " + status + " " + excerpt(r.bodyAsString());
        if (status != 429 && status / 100 == 4) {
          throw new BackendRejectedException(backend, last);
        }
        if (status == 429) {
          pause = Math.max(pause, retryAfter(r.getHeader("Retry-After")));
        }
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new BackendUnavailableException(backend, what + " interrupted", e);
        }
        cause = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e; // Blocking wraps a checked one
        last = what + " failed: " + cause;
      }
      if (attempt < attempts) {
        sleep(pause);
      }
    }
    throw new BackendUnavailableException(backend, last + " (after " + attempts + " attempt(s))", cause);
  }

  private static long retryAfter(String header) {
    try {
      return header == null ? 0 : Math.min(30_000, Long.parseLong(header.strip()) * 1000);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void sleep(long millis) throws BackendUnavailableException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException(backend, "interrupted while waiting to retry", e);
    }
  }

  static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String s = body.replaceAll("\\s+", " ").strip();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
