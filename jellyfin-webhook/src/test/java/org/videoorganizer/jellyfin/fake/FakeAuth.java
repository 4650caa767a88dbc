package org.videoorganizer.jellyfin.fake;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jellyfin's rules for finding the caller's token: the {@code Authorization: MediaBrowser ...}
 * header and the {@code ApiKey} query parameter always; {@code X-Emby-Token},
 * {@code X-MediaBrowser-Token}, {@code X-Emby-Authorization}, the {@code Emby} scheme and the
 * {@code api_key} parameter only with legacy authorization (on in 10.11, off in 12.0).
 */
final class FakeAuth {

  enum Role { NONE, USER, ADMIN }

  private final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
  private final Set<String> userTokens = ConcurrentHashMap.newKeySet();
  private volatile boolean legacy = true;

  void addApiKey(String key) {
    apiKeys.add(key);
  }

  void addUserToken(String token) {
    userTokens.add(token);
  }

  void legacy(boolean on) {
    legacy = on;
  }

  boolean legacy() {
    return legacy;
  }

  Role roleOf(HttpServerRequest request) {
    return token(request).map(this::role).orElse(Role.NONE);
  }

  private Role role(String token) {
    if (apiKeys.contains(token)) {
      return Role.ADMIN;
    }
    return userTokens.contains(token) ? Role.USER : Role.NONE;
  }

  private Optional<String> token(HttpServerRequest request) {
    Optional<String> fromHeader = headerToken(request.getHeader("Authorization"), false);
    if (fromHeader.isPresent()) {
      return fromHeader;
    }
    Optional<String> fromQuery = query(request.params(), "ApiKey");
    if (fromQuery.isPresent() || !legacy) {
      return fromQuery;
    }
    return firstPresent(headerToken(request.getHeader("X-Emby-Authorization"), true),
        Optional.ofNullable(request.getHeader("X-Emby-Token")),
        Optional.ofNullable(request.getHeader("X-MediaBrowser-Token")),
        query(request.params(), "api_key"));
  }

  private Optional<String> headerToken(String header, boolean legacyHeader) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    int space = header.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = header.substring(0, space);
    boolean schemeOk = scheme.equalsIgnoreCase("MediaBrowser") || (legacy && scheme.equalsIgnoreCase("Emby"));
    if (!schemeOk && !legacyHeader) {
      return Optional.empty();
    }
    return Optional.ofNullable(parameters(header.substring(space + 1)).get("token"));
  }

  static Map<String, String> parameters(String text) {
    Map<String, String> out = new HashMap<>();
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        String value = part.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        out.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static Optional<String> query(MultiMap params, String name) {
    return params.names().stream()
        .filter(n -> n.equalsIgnoreCase(name))
        .map(params::get)
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }

  @SafeVarargs
  private static Optional<String> firstPresent(Optional<String>... options) {
    for (Optional<String> o : options) {
      if (o.isPresent() && !o.get().isBlank()) {
        return o;
      }
    }
    return Optional.empty();
  }
}
