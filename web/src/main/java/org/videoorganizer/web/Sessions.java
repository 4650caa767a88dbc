package org.videoorganizer.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Page sessions, kept in memory (a restart logs everyone out, which is safe): a random session
 * id for the cookie and a random CSRF token for the forms, both 256 bits. A session ends after
 * {@code idle} without a request, after {@code lifetime} in any case, and at logout.
 */
final class Sessions {

  /** One logged-in browser. */
  record Session(String id, String csrf, Instant created, Instant lastSeen) {

    boolean csrfMatches(String sent) {
      return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final int MAX_SESSIONS = 1000;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;
  private final Duration lifetime;

  Sessions(Clock clock, Duration idle, Duration lifetime) {
    if (idle.isNegative() || idle.isZero() || lifetime.compareTo(idle) < 0) {
      throw new IllegalArgumentException("session idle time must be positive and at most the lifetime, got idle "
          + idle + ", lifetime " + lifetime);
    }
    this.clock = clock;
    this.idle = idle;
    this.lifetime = lifetime;
  }

  /** A new session (a new id on every login: no fixation). */
  Session open() {
    Instant now = clock.instant();
    purge(now);
    if (byId.size() >= MAX_SESSIONS) {
      byId.values().stream().min(java.util.Comparator.comparing(Session::lastSeen)).ifPresent(s -> byId.remove(s.id()));
    }
    Session s = new Session(token(), token(), now, now);
    byId.put(s.id(), s);
    return s;
  }

  /** The live session with this id, its idle clock restarted; empty when unknown or expired. */
  Optional<Session> touch(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session s = byId.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (expired(s, now)) {
      byId.remove(id);
      return Optional.empty();
    }
    Session fresh = new Session(s.id(), s.csrf(), s.created(), now);
    byId.put(id, fresh);
    return Optional.of(fresh);
  }

  void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  Duration lifetime() {
    return lifetime;
  }

  private boolean expired(Session s, Instant now) {
    return now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.created().plus(lifetime));
  }

  private void purge(Instant now) {
    byId.values().removeIf(s -> expired(s, now));
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
