package org.videoorganizer.daemon.announce;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

/**
 * The page and its API refuse what they must, with a clear status, and change nothing: no login,
 * a wrong token or a forged session, a change without the CSRF token, a cross-site POST, a wrong
 * Host, an oversized or mistyped body; and names that are HTML are rendered as text.
 */
@ExtendWith(TestServices.class)
class WebSecurityTest {

  static final String HOSTILE = "\"><svg onload=alert(1)> (2011).mkv";
  @TempDir static Path dir;
  static final JellyfinDaemons daemons = new JellyfinDaemons();
  static Vertx vertx;
  static FakeTmdbServer tmdb;
  static Daemon daemon;

  @BeforeAll
  static void start(TestServices.Env env) throws Exception {
    JellyfinDaemons.emptyDatabase(env);
    vertx = Vertx.vertx();
    FakeJellyfin fake = JellyfinDaemons.moviesJellyfin(vertx, dir);
    tmdb = FakeTmdbServer.start();
    daemon = daemons.start(dir, env, fake, Map.of("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY, "VORG_TMDB_BASE_URL", tmdb.baseUrl()));
    JellyfinDaemons.write(dir.resolve("in/" + HOSTILE), 100_000, 1);
    daemons.awaitVideos(daemon, "needs_review", 1);
  }

  @AfterAll
  static void stop() {
    daemons.stopAll();
    vertx.close();
    tmdb.close();
  }

  WebSession loggedIn() throws Exception {
    WebSession web = new WebSession(daemon.httpPort());
    assertThat(web.login(daemon.httpToken().value()).statusCode()).isEqualTo(303);
    return web;
  }

  @Test
  void withoutALoginPagesRedirectToTheLoginAndTheApiAnswers401() throws Exception {
    WebSession none = new WebSession(daemon.httpPort());
    for (String page : new String[] {"/", "/videos", "/videos/1", "/review", "/controls"}) {
      var res = none.get(page);
      assertThat(res.statusCode()).as(page).isEqualTo(303);
      assertThat(res.headers().firstValue("Location")).hasValue("/login");
    }
    for (String api : new String[] {"/api/overview", "/api/videos", "/api/videos/1", "/api/review", "/api/tmdb/search?q=x"}) {
      assertThat(none.get(api).statusCode()).as(api).isEqualTo(401);
    }
    assertThat(none.postJson("/api/controls/pause", new JsonObject()).statusCode()).isEqualTo(401);
    assertThat(overview().getBoolean("paused")).isFalse();
  }

  @Test
  void aWrongTokenGetsNoSessionAndAWrongBearerIsRefused() throws Exception {
    WebSession web = new WebSession(daemon.httpPort());
    var res = web.login("not-the-token");
    assertThat(res.statusCode()).isEqualTo(401);
    assertThat(res.headers().firstValue("Set-Cookie")).isEmpty();
    var bearer = web.send(HttpRequest.newBuilder(URI.create(web.base + "/api/overview")).header("Authorization", "Bearer wrong"));
    assertThat(bearer.statusCode()).isEqualTo(401);
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndAForgedOrClosedSessionIsRefused() throws Exception {
    WebSession web = new WebSession(daemon.httpPort());
    var res = web.login(daemon.httpToken().value());
    String cookie = res.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie.toLowerCase(java.util.Locale.ROOT)).contains("httponly", "samesite=strict", "path=/").doesNotContain("secure");
    assertThat(web.get("/api/overview").statusCode()).isEqualTo(200);

    WebSession forged = new WebSession(daemon.httpPort());
    forged.cookie = "vorg_session=" + "A".repeat(43);
    assertThat(forged.get("/api/overview").statusCode()).isEqualTo(401);
    assertThat(forged.get("/review").statusCode()).isEqualTo(303);

    var out = web.send(web.with(HttpRequest.newBuilder(URI.create(web.base + "/logout")))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(WebSession.form(Map.of("_csrf", web.csrf))));
    assertThat(out.statusCode()).isEqualTo(303);
    var after = web.get("/api/overview");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.body()).contains("expired or was closed");
  }

  @Test
  void aChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    WebSession web = loggedIn();
    String csrf = web.csrf;
    web.csrf = "";
    var res = web.postJson("/api/controls/pause", new JsonObject());
    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(res.body()).contains("CSRF");
    var form = web.send(web.with(HttpRequest.newBuilder(URI.create(web.base + "/api/controls/pause")))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(WebSession.form(Map.of("_csrf", "guess"))));
    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(overview().getBoolean("paused")).isFalse();
    web.csrf = csrf;
    assertThat(web.postJson("/api/review/999999/answer", new JsonObject().put("answer", "skip")).statusCode())
        .as("with the token the request gets through (and is refused for its own reason)").isEqualTo(404);
  }

  @Test
  void aCrossSitePostIsRefusedEvenWithTheSessionAndToken() throws Exception {
    WebSession web = loggedIn();
    for (String[] header : new String[][] {{"Origin", "http://evil.example"}, {"Sec-Fetch-Site", "cross-site"}}) {
      var res = web.send(web.with(HttpRequest.newBuilder(URI.create(web.base + "/api/controls/pause")))
          .header("Content-Type", "application/json").header("X-CSRF-Token", web.csrf).header(header[0], header[1])
          .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(res.statusCode()).as(header[0]).isEqualTo(403);
    }
    var login = web.send(HttpRequest.newBuilder(URI.create(web.base + "/login")).header("Origin", "http://evil.example")
        .header("Content-Type", "application/x-www-form-urlencoded").POST(WebSession.form(Map.of("token", daemon.httpToken().value()))));
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(overview().getBoolean("paused")).isFalse();
  }

  @Test
  void anOversizedMistypedOrMalformedBodyIsRefusedWithItsReason() throws Exception {
    WebSession web = loggedIn();
    String big = "{\"answer\":\"other\",\"title\":\"" + "x".repeat(70_000) + "\"}";
    assertThat(web.send(web.with(HttpRequest.newBuilder(URI.create(web.base + "/api/review/1/answer")))
        .header("Content-Type", "application/json").header("X-CSRF-Token", web.csrf)
        .POST(HttpRequest.BodyPublishers.ofString(big))).statusCode()).isEqualTo(413);
    assertThat(web.send(web.with(HttpRequest.newBuilder(URI.create(web.base + "/api/review/1/answer")))
        .header("Content-Type", "text/plain").header("X-CSRF-Token", web.csrf)
        .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(415);
    var broken = web.send(web.with(HttpRequest.newBuilder(URI.create(web.base + "/api/review/1/answer")))
        .header("Content-Type", "application/json").header("X-CSRF-Token", web.csrf)
        .POST(HttpRequest.BodyPublishers.ofString("{\"answer\": ")));
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("not valid JSON");
    assertThat(web.getJson("/api/review").getJsonArray("questions")).as("still waiting, nothing answered").hasSize(1);
  }

  @Test
  void aRequestForAnotherHostIsRefused() throws Exception {
    try (Socket s = new Socket("127.0.0.1", daemon.httpPort())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET /login HTTP/1.1\r\nHost: rebind.evil.example:" + daemon.httpPort() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      String head = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(head).startsWith("HTTP/1.1 421");
    }
  }

  @Test
  void aFileNameThatIsHtmlIsShownAsTextOnEveryPage() throws Exception {
    WebSession web = loggedIn();
    for (String page : new String[] {"/review", "/videos", "/"}) {
      HttpResponse<String> res = web.get(page);
      assertThat(res.body()).as(page).doesNotContain("<svg").contains("&quot;&gt;&lt;svg onload=alert(1)&gt; (2011).mkv");
      assertThat(res.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
          .contains("script-src 'self'"));
    }
    long id = web.getJson("/api/review").getJsonArray("questions").getJsonObject(0).getLong("video");
    assertThat(web.get("/videos/" + id).body()).doesNotContain("<svg").contains("&lt;svg");
  }

  private static JsonObject overview() throws Exception {
    var res = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + daemon.httpPort() + "/api/overview"))
        .header("Authorization", "Bearer " + daemon.httpToken().value()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return new JsonObject(res.body());
  }
}
