package org.videoorganizer.daemon.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to one address in one template, at most once per key within the rate limit. A
 * post that fails is logged and does not count as sent, so the next evaluation tries again.
 */
public final class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI url;
  private final String template;
  private final Duration rateLimit;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Map<String, Instant> sent = new ConcurrentHashMap<>();

  public Notifier(URI url, String template, Duration rateLimit, Clock clock) {
    AlertTemplates.render(template, new Alert("check", "check", "check")); // an unknown template fails here
    this.url = url;
    this.template = template;
    this.rateLimit = rateLimit;
    this.clock = clock;
  }

  /** Sends {@code alert} unless the same key was sent within the rate limit; true when it was sent now. */
  public CompletableFuture<Boolean> send(Alert alert) {
    Instant now = clock.instant();
    Instant last = sent.get(alert.key());
    if (last != null && now.isBefore(last.plus(rateLimit))) {
      return CompletableFuture.completedFuture(false);
    }
    sent.put(alert.key(), now);
    AlertTemplates.Request r = AlertTemplates.render(template, alert);
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", r.contentType())
        .POST(HttpRequest.BodyPublishers.ofString(r.body()));
    r.headers().forEach(b::header);
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).handle((res, e) -> {
      if (e == null && res.statusCode() / 100 == 2) {
        log.info("alert sent: {}", alert.title());
        return true;
      }
      sent.remove(alert.key(), now);
      log.warn("alert '{}' not delivered ({}); tried again at the next check", alert.title(),
          e != null ? e.toString() : "HTTP " + res.statusCode());
      return false;
    });
  }
}
