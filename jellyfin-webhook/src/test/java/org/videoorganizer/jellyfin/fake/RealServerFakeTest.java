package org.videoorganizer.jellyfin.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;
import static org.videoorganizer.jellyfin.fake.Await.until;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake is as slow and strict as the real server where issue #17 found the first fake too kind. */
class RealServerFakeTest {

  static final String KEY = "fake-test-key";
  static final String AUTH = "MediaBrowser Token=\"" + KEY + "\"";
  static final String SERIES_ID = "11111111111111111111111111111111";

  Vertx vertx;
  WebClient web;
  FakeJellyfin fake;
  @TempDir Path disk;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    web = WebClient.create(vertx);
    fake = result(FakeJellyfin.start(vertx, KEY));
    fake.addLibrary("Movies", "movies", "/media/Movies", disk);
  }

  @AfterEach
  void stop() {
    result(vertx.close());
  }

  @Test
  void applyAnswersOnlyAfterRefreshingTheSeriesAndEachOfItsEpisodes() {
    fake.putItem(new FakeItem(SERIES_ID, "Dark", "Series", "/media/Shows/Dark", Map.of(), Instant.now(), "l", 2017));
    for (int e = 1; e <= 2; e++) {
      fake.putItem(new FakeItem(String.format("%032x", e), "E" + e, "Episode", "/media/Shows/Dark/S01E0" + e + ".mkv",
          Map.of(), Instant.now(), "l", 2017, SERIES_ID, 1, e, e));
    }
    fake.applyTakes(Duration.ofMillis(100));

    long start = System.nanoTime();
    HttpResponse<Buffer> applied = post("/Items/RemoteSearch/Apply/" + SERIES_ID, "application/json",
        "{\"ProviderIds\":{\"Tmdb\":\"70523\"}}");

    assertThat(applied.statusCode()).isEqualTo(204);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(fake.items()).filteredOn(i -> i.id().equals(SERIES_ID)).singleElement()
        .extracting(FakeItem::tmdbId).isEqualTo("70523");
  }

  @Test
  void applyNeedsAKnownItemAndAJsonBody() {
    fake.putItem(new FakeItem(SERIES_ID, "Heat", "Movie", "/media/Movies/Heat.mkv", Map.of(), Instant.now(), "l", 1995));

    assertThat(post("/Items/RemoteSearch/Apply/" + SERIES_ID, "text/plain", "{}").statusCode()).isEqualTo(415);
    assertThat(post("/Items/RemoteSearch/Apply/" + SERIES_ID, "application/json", "").statusCode()).isEqualTo(400);
    assertThat(post("/Items/RemoteSearch/Apply/" + "2".repeat(32), "application/json", "{\"ProviderIds\":{}}")
        .statusCode()).isEqualTo(404);
    assertThat(get("/Items?ids=" + "2".repeat(32)).getJsonArray("Items")).as("unknown ids: none, no error").isEmpty();
  }

  @Test
  void on12ARecursiveQueryShowsAFilmInACollectionAsTheCollectionUnlessToldNotTo() {
    fake.asVersion12().collect("Alien", "Alien Collection");
    fake.putItem(new FakeItem(SERIES_ID, "Alien", "Movie", "/media/Movies/Alien (1979)/Alien (1979).mkv",
        Map.of("Tmdb", "348"), Instant.now(), "l", 1979));

    assertThat(types(get("/Items?recursive=true&includeItemTypes=Movie&fields=Path"))).containsExactly("BoxSet");
    assertThat(types(get("/Items?recursive=true&includeItemTypes=Movie&collapseBoxSetItems=false")))
        .containsExactly("Movie");
    assertThat(types(get("/Items?ids=" + SERIES_ID))).as("ids are never collapsed").containsExactly("Movie");
  }

  @Test
  void aNewItemIsDatedByItsFilesTimeAndFoundByWhenItWasSaved() throws Exception {
    Path file = Files.createDirectories(disk.resolve("Heat (1995) [tmdbid-949]")).resolve("Heat (1995) [tmdbid-949].mkv");
    Files.writeString(file, "x");
    Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
    Files.setLastModifiedTime(file, FileTime.from(yearAgo));
    Instant beforeScan = Instant.now().minusSeconds(1);

    post("/Library/Media/Updated", "application/json", "{\"Updates\":[{\"Path\":\"/media/Movies/Heat (1995) [tmdbid-949]\"}]}");
    until(Duration.ofSeconds(5), "the movie appears", () -> !fake.items().isEmpty());

    assertThat(fake.items().getFirst().dateCreated()).isBefore(Instant.now().minus(Duration.ofDays(300)));
    assertThat(get("/Items?recursive=true&minDateLastSaved=" + beforeScan).getJsonArray("Items")).hasSize(1);
    assertThat(get("/Items?recursive=true&minDateLastSaved=" + Instant.now().plusSeconds(60)).getJsonArray("Items"))
        .isEmpty();
  }

  @Test
  void aPathSubstitutionRewritesThePathShownAndIsInTheConfiguration() {
    fake.pathSubstitution("/media", "\\\\nas\\media");
    fake.putItem(new FakeItem(SERIES_ID, "Heat", "Movie", "/media/Movies/Heat/Heat.mkv", Map.of(), Instant.now(), "l", 1995));

    JsonObject item = get("/Items?ids=" + SERIES_ID + "&fields=Path").getJsonArray("Items").getJsonObject(0);
    JsonObject config = get("/System/Configuration");

    assertThat(item.getString("Path")).isEqualTo("\\\\nas\\media\\Movies\\Heat\\Heat.mkv");
    assertThat(config.getJsonArray("PathSubstitutions").getJsonObject(0).getString("To")).isEqualTo("\\\\nas\\media");
  }

  @Test
  void thePluginHoldsItemAddedWhileTheItemHasNoProviderIdsThenSendsItAnyway() throws Exception {
    List<Instant> posts = receiver(Map.of());
    fake.libraryMonitorDelay(Duration.ofMillis(10)).webhookTick(Duration.ofMillis(30))
        .metadataDelay(Duration.ofMillis(200));
    Path found = Files.createDirectories(disk.resolve("Heat (1995)")).resolve("Heat (1995).mkv");
    Files.writeString(found, "x");
    fake.identifyAs("Heat (1995)", "949");
    Instant announced = Instant.now();

    post("/Library/Media/Updated", "application/json", "{\"Updates\":[{\"Path\":\"/media/Movies/Heat (1995)\"}]}");

    until(Duration.ofSeconds(5), "ItemAdded posted", () -> posts.size() == 1);
    assertThat(Duration.between(announced, posts.getFirst())).as("held until the ids came")
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));

    Files.writeString(Files.createDirectories(disk.resolve("Nameless")).resolve("Nameless.mkv"), "x");
    post("/Library/Media/Updated", "application/json", "{\"Updates\":[{\"Path\":\"/media/Movies/Nameless\"}]}");
    until(Duration.ofSeconds(5), "sent after 10 ticks without ids", () -> posts.size() == 2);
    assertThat(Duration.between(posts.get(0), posts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aContentTypeHeaderWithACharsetMakesThePluginSendNothing() {
    List<Instant> posts = receiver(Map.of("Content-Type", "application/json; charset=utf-8"));
    FakeItem item = new FakeItem(SERIES_ID, "Heat", "Movie", "/m.mkv", Map.of("Tmdb", "949"), Instant.now(), "l", 1995);

    Throwable failure = Await.failure(fake.sendWebhook("ItemAdded", item));

    assertThat(failure).hasMessageContaining("application/json; charset=utf-8");
    assertThat(posts).isEmpty();
    assertThat(fake.webhooksSent()).isZero();
  }

  /** A webhook receiver recording when posts arrive; the plugin sends with {@code headers}. */
  private List<Instant> receiver(Map<String, String> headers) {
    List<Instant> posts = new CopyOnWriteArrayList<>();
    int port = result(vertx.createHttpServer().requestHandler(r -> {
      posts.add(Instant.now());
      r.response().setStatusCode(202).end();
    }).listen(0, "127.0.0.1")).actualPort();
    fake.webhooks(URI.create("http://127.0.0.1:" + port + "/hooks"), headers, WebhookStyle.TEMPLATE_AS_TEXT);
    return posts;
  }

  private static List<String> types(JsonObject answer) {
    JsonArray items = answer.getJsonArray("Items");
    return items.stream().map(o -> ((JsonObject) o).getString("Type")).toList();
  }

  private JsonObject get(String uri) {
    return result(web.get(fake.port(), "127.0.0.1", uri).putHeader("Authorization", AUTH).send()).bodyAsJsonObject();
  }

  private HttpResponse<Buffer> post(String uri, String type, String body) {
    return result(web.post(fake.port(), "127.0.0.1", uri).putHeader("Authorization", AUTH)
        .putHeader("Content-Type", type).sendBuffer(Buffer.buffer(body)));
  }
}
