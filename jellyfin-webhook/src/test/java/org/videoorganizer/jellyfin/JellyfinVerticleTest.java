package org.videoorganizer.jellyfin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;
import static org.videoorganizer.jellyfin.fake.Await.until;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.jellyfin.confirm.InMemoryConfirmationStore;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;
import org.videoorganizer.jellyfin.fake.WebhookStyle;
import org.videoorganizer.jellyfin.webhook.WebhookRoutes;

class JellyfinVerticleTest {

  static final String KEY = "verticle-key";
  static final String SECRET = "verticle-webhook-secret";

  Vertx vertx;
  FakeJellyfin fake;
  @TempDir Path box;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    fake = result(FakeJellyfin.start(vertx, KEY));
    fake.addLibrary("Movies", "movies", "/media/Movies", box.resolve("Movies"));
    fake.libraryMonitorDelay(Duration.ofMillis(20)).webhookTick(Duration.ofMillis(20));
  }

  @AfterEach
  void stop() {
    result(vertx.close());
  }

  JellyfinVerticle deploy() {
    JellyfinSettings settings = JellyfinSettings.of(fake.baseUri(), KEY).withPathMap(PathMap.parse(box + "=/media"))
        .withAnnounceDebounce(Duration.ofMillis(30));
    JellyfinVerticle verticle = new JellyfinVerticle(settings, Optional.of(WebhookSettings.of(SECRET)),
        new InMemoryConfirmationStore(), List.of(box.resolve("Movies")), Clock.systemUTC(), Duration.ofMillis(50));
    result(vertx.deployVerticle(verticle));
    Router router = Router.router(vertx);
    verticle.mountWebhook(router);
    int port = result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
    fake.webhooks(URI.create("http://127.0.0.1:" + port + WebhookRoutes.PATH), Map.of(WebhookRoutes.SECRET_HEADER, SECRET),
        WebhookStyle.TEMPLATE_AS_JSON);
    return verticle;
  }

  @Test
  void aPublishedFileIsAnnouncedAndConfirmedAndShowsInTheStatus() throws Exception {
    JellyfinVerticle verticle = deploy();
    Path file = Files.createDirectories(box.resolve("Movies/Heat (1995) [tmdbid-949]")).resolve("Heat (1995) [tmdbid-949].mkv");
    Files.writeString(file, "x");

    result(verticle.published(file, "949"));

    until(Duration.ofSeconds(8), "confirmed", () -> confirmed(result(verticle.status())) == 1);
    JsonObject status = result(verticle.status());
    assertThat(status.getBoolean("reachableAtStart")).isTrue();
    assertThat(status.getJsonArray("warnings")).isEmpty();
    assertThat(status.getJsonObject("announce").getLong("calls")).isEqualTo(1);
  }

  @Test
  void deploysWhileJellyfinIsDownAndSaysSo() {
    result(fake.goDown());

    JsonObject status = result(deploy().status());

    assertThat(status.getBoolean("reachableAtStart")).isFalse();
    assertThat(status.getJsonArray("warnings").getString(0)).contains("not usable yet");
  }

  static long confirmed(JsonObject status) {
    return status.getJsonObject("confirmation").getJsonObject("counts").getLong("confirmed");
  }
}
