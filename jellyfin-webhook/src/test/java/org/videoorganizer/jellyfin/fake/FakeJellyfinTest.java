package org.videoorganizer.jellyfin.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;
import static org.videoorganizer.jellyfin.fake.Await.until;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake must follow the real API, or tests against it prove nothing. */
class FakeJellyfinTest {

  static final String KEY = "fake-test-key";

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

  HttpResponse<Buffer> get(String uri, Map<String, String> headers) {
    HttpRequest<Buffer> r = web.get(fake.port(), "127.0.0.1", uri);
    headers.forEach(r::putHeader);
    return result(r.send());
  }

  @Test
  void itemIdsAreTheMd5GuidsJellyfinDerivesFromTypeAndPath() {
    assertThat(DotNetGuid.itemId(FakeLibrary.MOVIE_TYPE,
        "/media/movies/Movie (2021) [tmdbid-12345]/Movie (2021) [tmdbid-12345].mkv"))
        .isEqualTo("0f98eef9940902466c7a1834a9cf1f9e");
  }

  @Test
  void acceptsTheMediaBrowserHeaderAndTheApiKeyParameterInBothModes() {
    for (boolean legacy : new boolean[] {true, false}) {
      fake.legacyAuthorization(legacy);
      assertThat(get("/System/Info", Map.of("Authorization", "MediaBrowser Client=\"x\", Token=\"" + KEY + "\"")).statusCode())
          .isEqualTo(200);
      assertThat(get("/System/Info?apikey=" + KEY, Map.of()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void legacyHeadersWorkOnlyWithLegacyAuthorization() {
    fake.legacyAuthorization(true);
    assertThat(get("/System/Info", Map.of("X-Emby-Token", KEY)).statusCode()).isEqualTo(200);
    assertThat(get("/System/Info?api_key=" + KEY, Map.of()).statusCode()).isEqualTo(200);

    fake.legacyAuthorization(false);
    assertThat(get("/System/Info", Map.of("X-Emby-Token", KEY)).statusCode()).isEqualTo(401);
    assertThat(get("/System/Info?api_key=" + KEY, Map.of()).statusCode()).isEqualTo(401);
    assertThat(get("/System/Info", Map.of("Authorization", "Emby Token=\"" + KEY + "\"")).statusCode()).isEqualTo(401);
  }

  @Test
  void badTokensAreUnauthorizedAndPublicInfoNeedsNone() {
    assertThat(get("/System/Info", Map.of("Authorization", "MediaBrowser Token=\"nope\"")).statusCode()).isEqualTo(401);
    assertThat(get("/System/Info", Map.of()).statusCode()).isEqualTo(401);
    assertThat(get("/System/Info/Public", Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void itemsShowPathAndProviderIdsOnlyWhenAskedForInFields() {
    fake.putItem(new FakeItem("0f98eef9940902466c7a1834a9cf1f9e", "M", "Movie", "/media/Movies/M/M.mkv",
        Map.of("Tmdb", "1"), Instant.now(), "lib", 2021));

    JsonObject bare = get("/Items?ids=0f98eef9940902466c7a1834a9cf1f9e&apikey=" + KEY, Map.of()).bodyAsJsonObject();
    JsonObject full = get("/Items?IDS=0f98eef9-9409-0246-6c7a-1834a9cf1f9e&Fields=Path,ProviderIds&apikey=" + KEY,
        Map.of()).bodyAsJsonObject();

    assertThat(bare.getJsonArray("Items").getJsonObject(0).containsKey("Path")).isFalse();
    assertThat(full.getJsonArray("Items").getJsonObject(0).getString("Path")).isEqualTo("/media/Movies/M/M.mkv");
    assertThat(full.getJsonArray("Items").getJsonObject(0).getJsonObject("ProviderIds").getString("Tmdb")).isEqualTo("1");
    assertThat(full.getInteger("TotalRecordCount")).isEqualTo(1);
  }

  @Test
  void mediaUpdatedNeedsJsonWithPathsAndScansOncePerQuietPeriod() throws Exception {
    Path file = Files.createDirectories(disk.resolve("Heat (1995) [tmdbid-949]")).resolve("Heat (1995) [tmdbid-949].mkv");
    Files.writeString(file, "x");
    String body = "{\"updates\":[{\"path\":\"/media/Movies/Heat (1995) [tmdbid-949]\",\"updateType\":\"Created\"}]}";

    assertThat(post("/Library/Media/Updated", "text/plain", body).statusCode()).isEqualTo(415);
    assertThat(post("/Library/Media/Updated", "application/json", "{\"Updates\":[{\"Path\":null}]}").statusCode())
        .isEqualTo(400);
    assertThat(post("/Library/Media/Updated", "application/json", body).statusCode()).isEqualTo(204);
    assertThat(post("/Library/Media/Updated", "application/json", body).statusCode()).isEqualTo(204);

    until(Duration.ofSeconds(5), "the movie appears", () -> !fake.items().isEmpty());
    assertThat(fake.scans()).isEqualTo(1);
    assertThat(fake.items()).singleElement().satisfies(i -> {
      assertThat(i.tmdbId()).isEqualTo("949");
      assertThat(i.path()).isEqualTo("/media/Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv");
    });
  }

  @Test
  void dotFilesAreNotScanned() throws Exception {
    Files.writeString(Files.createDirectories(disk.resolve("A (2000)")).resolve(".A (2000).mkv.partial.mkv"), "x");

    post("/Library/Media/Updated", "application/json", "{\"Updates\":[{\"Path\":\"/media/Movies/A (2000)\"}]}");

    until(Duration.ofSeconds(5), "a scan", () -> fake.scans() == 1);
    Thread.sleep(100);
    assertThat(fake.items()).isEmpty();
  }

  HttpResponse<Buffer> post(String uri, String type, String body) {
    return result(web.post(fake.port(), "127.0.0.1", uri)
        .putHeader("Authorization", "MediaBrowser Token=\"" + KEY + "\"")
        .putHeader("Content-Type", type).sendBuffer(Buffer.buffer(body)));
  }
}
