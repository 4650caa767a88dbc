package org.videoorganizer.web;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page and its JSON API, mounted on the daemon's router. Security, per request: the
 * Host must be a loopback name or the configured one (DNS rebinding; any Host when the daemon
 * listens on all addresses, where the session and CSRF checks remain); pages and {@code /api/*}
 * need a session cookie (from {@code POST /login} with the daemon's token) or {@code
 * Authorization: Bearer <token>}; a change through a session needs its CSRF token (form field
 * {@code _csrf} or header {@code X-CSRF-Token}) and no foreign {@code Origin}; bodies are JSON
 * or a form, at most 64 KiB. The token is never taken from a URL.
 */
public final class WebRoutes {

  static final String COOKIE = "vorg_session";
  static final int BODY_LIMIT = 64 * 1024;
  private static final Logger log = LoggerFactory.getLogger(WebRoutes.class);

  private final WebBackend backend;
  private final Predicate<String> tokenCheck;
  private final Sessions sessions;
  private final boolean tls;
  private final java.util.SortedSet<String> hosts;
  private final Pages pages;
  private final ApiRoutes api;
  private final String tokenHint;

  /**
   * @param tokenCheck whether a string is the daemon's token (compared in constant time)
   * @param host the address the daemon listens on; it and the loopback names are accepted Host values
   * @param tls whether the page is served over TLS (cookies get {@code Secure})
   * @param tokenHint where the token is, for the 401 answers (never the token itself)
   */
  public WebRoutes(WebBackend backend, Predicate<String> tokenCheck, String tokenHint, String host, boolean tls, Clock clock,
      Duration idle, Duration lifetime) {
    this.tokenHint = tokenHint;
    this.backend = backend;
    this.tokenCheck = tokenCheck;
    this.sessions = new Sessions(clock, idle, lifetime);
    this.tls = tls;
    this.hosts = new java.util.TreeSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    this.hosts.add(host.toLowerCase(Locale.ROOT));
    this.pages = new Pages(backend);
    this.api = new ApiRoutes(backend);
  }

  /** With sessions that end after 12 hours idle and 7 days in any case. */
  public WebRoutes(WebBackend backend, Predicate<String> tokenCheck, String tokenHint, String host, boolean tls) {
    this(backend, tokenCheck, tokenHint, host, tls, Clock.systemUTC(), Duration.ofHours(12), Duration.ofDays(7));
  }

  /** Adds the page, login and API routes. */
  public void mount(Router router) {
    router.route().handler(ctx -> {
      if (ctx.request().path().equals("/healthz")) {
        ctx.next(); // probes reach it by any name; it says only "ok"
      } else {
        guardHost(ctx);
      }
    });
    router.get("/static/:file").handler(Assets::serve);
    router.route("/login").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.get("/login").handler(ctx -> html(ctx, 200, Pages.login(null)));
    router.post("/login").handler(this::login);
    router.route("/logout").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.post("/logout").handler(this::authenticate).handler(this::logout);
    for (String page : new String[] {"/", "/videos", "/videos/:id", "/review", "/controls"}) {
      router.get(page).handler(this::authenticate).handler(pages::render);
    }
    router.route("/api/*").handler(this::authenticate);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    api.mount(router);
    router.route().failureHandler(this::failure);
  }

  // Thrown by a handler (a bad parameter) or set by the body handler (413 for a body over the limit).
  private void failure(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.failure() != null) {
      failed(ctx, ctx.failure());
    } else if (ctx.statusCode() == 413) {
      fail(ctx, 413, "the body is larger than " + BODY_LIMIT / 1024 + " KiB");
    } else {
      fail(ctx, ctx.statusCode() > 0 ? ctx.statusCode() : 500, "request refused");
    }
  }

  private void guardHost(RoutingContext ctx) {
    var res = ctx.response();
    res.putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "same-origin")
        .putHeader("X-Frame-Options", "DENY").putHeader("Cache-Control", "no-store")
        .putHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    if (tls) {
      res.putHeader("Strict-Transport-Security", "max-age=31536000");
    }
    String host = ctx.request().authority() == null ? null : ctx.request().authority().host();
    boolean anyHost = hosts.contains("0.0.0.0") || hosts.contains("::") || hosts.contains("[::]");
    if (!anyHost && (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT)))) {
      fail(ctx, 421, "this daemon answers only to " + String.join(", ", hosts) + " as Host");
      return;
    }
    ctx.next();
  }

  private void login(RoutingContext ctx) {
    if (foreignOrigin(ctx)) {
      fail(ctx, 403, "a login from another site is refused");
      return;
    }
    String token = ctx.request().getFormAttribute("token");
    if (token == null || !tokenCheck.test(token.strip())) {
      html(ctx, 401, Pages.login("That is not the daemon's token. It is in the file http-token in the daemon's "
          + "data_dir, or the value of VORG_HTTP_TOKEN."));
      return;
    }
    sessions.close(ctx.request().getCookie(COOKIE) == null ? null : ctx.request().getCookie(COOKIE).getValue());
    Sessions.Session s = sessions.open();
    ctx.response().addCookie(Cookie.cookie(COOKIE, s.id()).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(tls).setPath("/").setMaxAge(sessions.lifetime().toSeconds()));
    ctx.response().setStatusCode(303).putHeader("Location", "/").end();
  }

  private void logout(RoutingContext ctx) {
    Optional.ofNullable(ctx.request().getCookie(COOKIE)).ifPresent(c -> sessions.close(c.getValue()));
    ctx.response().addCookie(Cookie.cookie(COOKIE, "").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(tls).setPath("/").setMaxAge(0));
    ctx.response().setStatusCode(303).putHeader("Location", "/login").end();
  }

  /** Lets through a valid bearer token, or a live session (with its CSRF token on a change). */
  private void authenticate(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      if (tokenCheck.test(auth.substring(7).strip())) {
        ctx.next();
      } else {
        refuse(ctx, "wrong token: send Authorization: Bearer <token>; the token is " + tokenHint);
      }
      return;
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    Optional<Sessions.Session> session = sessions.touch(cookie == null ? null : cookie.getValue());
    if (session.isEmpty()) {
      if (ctx.request().method() == HttpMethod.GET && !ctx.request().path().startsWith("/api/")) {
        ctx.response().setStatusCode(303).putHeader("Location", "/login").end();
      } else {
        refuse(ctx, cookie == null ? "log in first (POST /login) or send Authorization: Bearer <token>; the token is "
            + tokenHint : "the session has expired or was closed: log in again");
      }
      return;
    }
    ctx.put("csrf", session.get().csrf());
    if (ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD) {
      if (foreignOrigin(ctx)) {
        fail(ctx, 403, "a change requested from another site is refused");
        return;
      }
      // The header is checked now; a form field once the body is read (ApiRoutes.csrfOk).
      ctx.put("csrf_header_ok", session.get().csrfMatches(ctx.request().getHeader("X-CSRF-Token")));
    }
    ctx.next();
  }

  private static void refuse(RoutingContext ctx, String message) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"vorg\"");
    fail(ctx, 401, message);
  }

  /**
   * An Origin (or Sec-Fetch-Site) that says the request comes from another site. (A browser sends
   * {@code Origin: null} for a form post under {@code Referrer-Policy: no-referrer}; this page
   * sends {@code same-origin} so its own forms carry their origin.)
   */
  private boolean foreignOrigin(RoutingContext ctx) {
    String site = ctx.request().getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return true;
    }
    String origin = ctx.request().getHeader("Origin");
    if (origin == null) {
      return false;
    }
    String expected = (tls ? "https://" : "http://") + ctx.request().authority().toString();
    return !origin.equalsIgnoreCase(expected);
  }

  static void fail(RoutingContext ctx, int status, String message) {
    String accept = ctx.request().getHeader("Accept");
    if (ctx.request().path().startsWith("/api/") || accept == null || !accept.contains("text/html")) {
      json(ctx, status, new JsonObject().put("error", message));
    } else {
      html(ctx, status, Pages.problem(status, message));
    }
  }

  static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body instanceof JsonObject o ? o.encodePrettily() : String.valueOf(body));
  }

  static void html(RoutingContext ctx, int status, String page) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(page);
  }

  /** Sends a failed backend call: its problem's status, or 500 (logged once here). */
  static void failed(RoutingContext ctx, Throwable e) {
    if (e instanceof WebProblem p) {
      fail(ctx, p.status(), p.getMessage());
    } else if (e instanceof DecodeException) {
      fail(ctx, 400, "the body is not valid JSON: " + e.getMessage());
    } else {
      log.warn("{} {} failed", ctx.request().method(), ctx.request().path(), e);
      fail(ctx, 500, "the daemon could not do that: " + e.getMessage());
    }
  }

  static <T> void reply(RoutingContext ctx, Future<T> f, java.util.function.Consumer<T> ok) {
    f.onSuccess(ok::accept).onFailure(e -> failed(ctx, e));
  }
}
