package org.videoorganizer.daemon.announce;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client of the daemon's web page over plain HTTP: a session cookie and the page's CSRF token. */
final class WebSession {

  private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf\" content=\"([^\"]*)\">");
  final String base;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  String cookie;
  String csrf;

  WebSession(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Logs in with {@code token}; returns the response to the login POST. */
  HttpResponse<String> login(String token) throws Exception {
    HttpResponse<String> res = send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(form(Map.of("token", token))));
    res.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.split(";")[0]);
    if (res.statusCode() == 303) {
      csrf = csrfOf(get("/").body());
    }
    return res;
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(with(HttpRequest.newBuilder(URI.create(base + path))).GET());
  }

  JsonObject getJson(String path) throws Exception {
    HttpResponse<String> res = get(path);
    if (res.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + res.statusCode() + ": " + res.body());
    }
    return new JsonObject(res.body());
  }

  /** A JSON POST carrying the CSRF token in X-CSRF-Token. */
  HttpResponse<String> postJson(String path, JsonObject body) throws Exception {
    HttpRequest.Builder b = with(HttpRequest.newBuilder(URI.create(base + path))).header("Content-Type", "application/json");
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return send(b.POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder with(HttpRequest.Builder b) {
    return cookie == null ? b : b.header("Cookie", cookie);
  }

  static String csrfOf(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new AssertionError("no CSRF token in the page:\n" + page);
    }
    return m.group(1);
  }

  static HttpRequest.BodyPublisher form(Map<String, String> fields) {
    return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")));
  }
}
