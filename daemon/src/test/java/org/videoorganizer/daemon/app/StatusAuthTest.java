package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.http.HttpToken;
import org.videoorganizer.daemon.testsupport.TestServices;

/** {@code /api/*} needs the bearer token; {@code /healthz} does not; the token is kept owner-only. */
@ExtendWith(TestServices.class)
class StatusAuthTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(Daemon d, String path, String authorization) throws Exception {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.httpPort() + path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aMadeTokenIsKeptOwnerOnlyAndRequiredAndReusedAfterARestart(TestServices.Env env) throws Exception {
    Daemon d = Daemon.start(DaemonTest.config(dir, env, Map.of()));
    String first;
    try {
      Path file = dir.resolve("data").resolve(HttpToken.FILE_NAME);
      assertThat(d.httpToken().file()).contains(file);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      first = Files.readString(file).strip();
      assertThat(first).hasSizeGreaterThanOrEqualTo(40);

      var none = get(d, "/api/status", null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(new JsonObject(none.body()).getString("error")).contains("Authorization: Bearer").doesNotContain(first);
      assertThat(get(d, "/api/status", "Bearer " + first.substring(1)).statusCode()).isEqualTo(401);
      assertThat(get(d, "/api/status", "Bearer " + first + "x").statusCode()).isEqualTo(401);
      assertThat(get(d, "/api/status", "Basic " + first).statusCode()).isEqualTo(401);
      assertThat(get(d, "/api/status", "Bearer " + "A".repeat(6000)).statusCode()).isEqualTo(401);
      assertThat(get(d, "/api/anything-else", null).statusCode()).as("unknown /api paths reveal nothing either").isEqualTo(401);

      var ok = get(d, "/api/status", "bearer " + first);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(ok.body()).getJsonObject("videos")).isNotNull();
      assertThat(get(d, "/healthz", null).body()).as("probes need no token").isEqualTo("ok\n");
    } finally {
      d.stop();
    }
    Daemon again = Daemon.start(DaemonTest.config(dir, env, Map.of()));
    try {
      assertThat(again.httpToken().value()).as("the kept token survives a restart").isEqualTo(first);
      assertThat(get(again, "/api/status", "Bearer " + first).statusCode()).isEqualTo(200);
    } finally {
      again.stop();
    }
  }

  @Test
  void aConfiguredTokenIsUsedAndNothingIsWritten(TestServices.Env env) throws Exception {
    String token = "configured-token-0123456789";
    Daemon d = Daemon.start(DaemonTest.config(dir, env, Map.of("VORG_HTTP_TOKEN", token)));
    try {
      assertThat(d.httpToken().file()).isEmpty();
      assertThat(dir.resolve("data").resolve(HttpToken.FILE_NAME)).doesNotExist();
      assertThat(get(d, "/api/status", "Bearer " + token).statusCode()).isEqualTo(200);
      assertThat(new JsonObject(get(d, "/api/status", null).body()).getString("error")).contains("VORG_HTTP_TOKEN");
    } finally {
      d.stop();
    }
  }

  @Test
  void aTokenFileOthersCanReadIsRefusedAtStart(TestServices.Env env) throws Exception {
    Path file = Files.createDirectories(dir.resolve("data")).resolve(HttpToken.FILE_NAME);
    Files.writeString(file, "a-token-that-leaked-0123456789\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> Daemon.start(DaemonTest.config(dir, env, Map.of())))
        .hasMessageContaining(file.toString()).hasMessageContaining("chmod 600");
  }
}
