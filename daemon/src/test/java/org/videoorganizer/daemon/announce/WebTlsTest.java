package org.videoorganizer.daemon.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

/**
 * With {@code http.tls_cert} and {@code http.tls_key} the daemon serves the page over HTTPS
 * only, the session cookie is {@code Secure} and the page asks browsers to stay on HTTPS.
 */
@ExtendWith(TestServices.class)
class WebTlsTest {

  @TempDir Path dir;
  final JellyfinDaemons daemons = new JellyfinDaemons();
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    daemons.stopAll();
    vertx.close();
  }

  @Test
  void overTlsTheSessionCookieIsSecureAndPlainHttpIsNotServed(TestServices.Env env) throws Exception {
    JellyfinDaemons.emptyDatabase(env);
    SelfSignedCertificate cert = SelfSignedCertificate.create("127.0.0.1");
    FakeJellyfin fake = JellyfinDaemons.moviesJellyfin(vertx, dir);
    Daemon daemon = daemons.start(dir, env, fake,
        Map.of("VORG_HTTP_TLS_CERT", cert.certificatePath(), "VORG_HTTP_TLS_KEY", cert.privateKeyPath()));
    String form = "token=" + URLEncoder.encode(daemon.httpToken().value(), StandardCharsets.UTF_8);

    HttpResponse<String> login = trustingClient().send(HttpRequest.newBuilder(
            URI.create("https://127.0.0.1:" + daemon.httpPort() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(303);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("vorg_session=").contains("Secure", "SameSite=Strict").containsIgnoringCase("HttpOnly");
    assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();

    HttpClient plain = HttpClient.newHttpClient();
    assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.httpPort() + "/login"))
        .GET().build(), HttpResponse.BodyHandlers.ofString())).as("no page in plain text").isInstanceOf(java.io.IOException.class);
  }

  @Test
  void withoutTlsTheCookieIsNotMarkedSecure(TestServices.Env env) throws Exception {
    JellyfinDaemons.emptyDatabase(env);
    Daemon daemon = daemons.start(dir, env, JellyfinDaemons.moviesJellyfin(vertx, dir));
    String cookie = new WebSession(daemon.httpPort()).login(daemon.httpToken().value()).headers()
        .firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").doesNotContain("Secure");
  }

  // The test's certificate is self-signed: trust it, and skip the host name check (it names 127.0.0.1).
  private static HttpClient trustingClient() throws Exception {
    X509ExtendedTrustManager trustAll = new X509ExtendedTrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) { }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) { }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, new TrustManager[] {trustAll}, null);
    SSLParameters params = new SSLParameters();
    params.setEndpointIdentificationAlgorithm(null);
    return HttpClient.newBuilder().sslContext(ssl).sslParameters(params).followRedirects(HttpClient.Redirect.NEVER).build();
  }
}
