package org.videoorganizer.core.tmdb;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GET against TMDB: authentication, the shared rate budget, bounded retries for 429, 5xx,
 * timeouts and network errors, and the mapping of error answers to {@link TmdbException}.
 */
final class Transport {

  private static final Logger log = LoggerFactory.getLogger(Transport.class);

  private final HttpClient http;
  private final String base;
  private final String apiKey;
  private final String bearerToken;
  private final RateBudget budget;
  private final Retries retries;
  private final Duration requestTimeout;
  private final AtomicLong requestsSent = new AtomicLong();
  private final AtomicLong failedAnswers = new AtomicLong();

  /** Retry limits and delays. */
  record Retries(int serverRetries, int rateLimitRetries, Duration backoff, Duration maxWait) {}

  Transport(
      HttpClient http,
      URI baseUrl,
      String apiKey,
      String bearerToken,
      RateBudget budget,
      Retries retries,
      Duration requestTimeout) {
    this.http = http;
    this.base = apiRoot(baseUrl);
    this.apiKey = apiKey;
    this.bearerToken = bearerToken;
    this.budget = budget;
    this.retries = retries;
    this.requestTimeout = requestTimeout;
  }

  long requestsSent() {
    return requestsSent.get();
  }

  /** Requests that got no 200: another status, a timeout or a network error (retried or not). */
  long failedAnswers() {
    return failedAnswers.get();
  }

  /** The cache key of a request: path and sorted parameters, never the credentials. */
  static String key(String path, Map<String, String> params) {
    var sb = new StringBuilder(path);
    char sep = '?';
    for (var e : new TreeMap<>(params).entrySet()) {
      sb.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    return sb.toString();
  }

  /** Attempts made for one request, by cause. */
  private static final class Attempts {
    int total;
    int failures;
    int rateLimited;
  }

  /** The body of a 200 answer to {@code GET /3{key}}. */
  String get(String key) {
    var attempts = new Attempts();
    while (true) {
      HttpResponse<String> response = send(key, attempts);
      if (response == null) {
        continue; // a network failure, already waited for
      }
      int status = response.statusCode();
      if (status == 200) {
        return response.body();
      }
      failedAnswers.incrementAndGet();
      if (status == 429 && ++attempts.rateLimited <= retries.rateLimitRetries()) {
        Duration wait = retryAfter(response).orElse(backoff(attempts.rateLimited));
        log.info("TMDB rate limit (429) on {}; every request waits {} ms", path(key), wait.toMillis());
        budget.pauseFor(wait);
        continue;
      }
      if (status >= 500 && status != 429 && ++attempts.failures <= retries.serverRetries()) {
        log.info("TMDB answered {} on {}; retry {} of {}", status, path(key), attempts.failures, retries.serverRetries());
        pause(attempts.failures);
        continue;
      }
      throw ErrorAnswers.toException(response, path(key), attempts.total + " attempts");
    }
  }

  /** One try within the budget; null after a timeout or network error that may be retried. */
  private HttpResponse<String> send(String key, Attempts attempts) {
    try {
      budget.acquire();
      attempts.total++;
      requestsSent.incrementAndGet();
      return http.send(request(key), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      failedAnswers.incrementAndGet();
      if (++attempts.failures > retries.serverRetries()) {
        throw new TmdbException(TmdbException.Kind.TIMEOUT, 0, "TMDB did not answer within "
            + requestTimeout.toMillis() + " ms (" + attempts.total + " attempts) for " + path(key), e);
      }
    } catch (IOException e) {
      failedAnswers.incrementAndGet();
      if (++attempts.failures > retries.serverRetries()) {
        throw new TmdbException(TmdbException.Kind.UNREACHABLE, 0,
            "cannot reach TMDB at " + base + " (" + e + ") for " + path(key), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TmdbException(TmdbException.Kind.UNREACHABLE, 0, "interrupted while calling TMDB for " + path(key), e);
    }
    pause(attempts.failures);
    return null;
  }

  private HttpRequest request(String key) {
    String uri = base + key;
    if (apiKey != null) {
      uri += (key.indexOf('?') < 0 ? '?' : '&') + "api_key=" + encode(apiKey);
    }
    var builder = HttpRequest.newBuilder(URI.create(uri)).timeout(requestTimeout)
        .header("Accept", "application/json").GET();
    if (bearerToken != null) {
      builder.header("Authorization", "Bearer " + bearerToken);
    }
    return builder.build();
  }

  private java.util.Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        long seconds = Long.parseLong(v.strip());
        Duration wait = Duration.ofSeconds(Math.max(0, seconds)).plusMillis(100);
        return java.util.Optional.of(wait.compareTo(retries.maxWait()) > 0 ? retries.maxWait() : wait);
      } catch (NumberFormatException e) {
        return java.util.Optional.empty();
      }
    });
  }

  private Duration backoff(int attempt) {
    Duration wait = retries.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    return wait.compareTo(retries.maxWait()) > 0 ? retries.maxWait() : wait;
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(backoff(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TmdbException(TmdbException.Kind.UNREACHABLE, 0, "interrupted while waiting to retry", e);
    }
  }

  private static String path(String key) {
    return "/3" + key;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The v3 API root for a base URL given with or without its {@code /3} (both are common). */
  static String apiRoot(URI baseUrl) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    return base.endsWith("/3") ? base : base + "/3";
  }
}
