package org.videoorganizer.jellyfin.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.jellyfin.WebhookSettings;
import org.videoorganizer.jellyfin.fake.FakeItem;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;
import org.videoorganizer.jellyfin.fake.WebhookStyle;

class WebhookRoutesTest {

  static final String SECRET = "a-shared-secret-of-some-length";
  static final String ID = "0f98eef9940902466c7a1834a9cf1f9e";
  static final String DASHED = "0f98eef9-9409-0246-6c7a-1834a9cf1f9e";

  Vertx vertx;
  WebClient web;
  int port;
  WebhookRoutes routes;
  final List<WebhookEvent> events = new CopyOnWriteArrayList<>();
  @TempDir Path library;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    web = WebClient.create(vertx);
    routes = new WebhookRoutes(WebhookSettings.of(SECRET), events::add, Clock.systemUTC());
    Router router = Router.router(vertx);
    routes.mount(router);
    HttpServer server = result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    port = server.actualPort();
  }

  @AfterEach
  void stop() {
    result(vertx.close());
  }

  HttpResponse<Buffer> post(String body, Map<String, String> headers) {
    HttpRequest<Buffer> request = web.post(port, "127.0.0.1", WebhookRoutes.PATH);
    headers.forEach(request::putHeader);
    return result(request.sendBuffer(Buffer.buffer(body)));
  }

  HttpResponse<Buffer> postWithSecret(String body) {
    return post(body, Map.of(WebhookRoutes.SECRET_HEADER, SECRET, "Content-Type", "text/plain; charset=utf-8"));
  }

  static String itemAdded(String id) {
    return "{\"NotificationType\":\"ItemAdded\",\"ItemId\":\"" + id + "\",\"ItemType\":\"Movie\",\"Name\":\"X\"}";
  }

  @Test
  void acceptsTheDocumentedTemplateAsThePluginSendsItAsTextPlain() {
    FakeJellyfin fake = result(FakeJellyfin.start(vertx, "k"));
    fake.webhooks(URI.create("http://127.0.0.1:" + port + WebhookRoutes.PATH),
        Map.of(WebhookRoutes.SECRET_HEADER, SECRET), WebhookStyle.TEMPLATE_AS_TEXT);
    FakeItem item = new FakeItem(ID, "Say \"Cheese\" \\ <Now> & Then", "Movie", "/media/Movies/x.mkv",
        Map.of("Tmdb", "603"), Instant.now(), "lib", 1999);

    HttpResponse<Buffer> response = result(fake.sendWebhook("ItemAdded", item));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(WebhookEvent.Type.ITEM_ADDED);
      assertThat(e.itemId()).isEqualTo(ID);
      assertThat(e.itemType()).isEqualTo("Movie");
    });
  }

  @Test
  void acceptsSendAllPropertiesJson() {
    FakeJellyfin fake = result(FakeJellyfin.start(vertx, "k"));
    fake.webhooks(URI.create("http://127.0.0.1:" + port + WebhookRoutes.PATH),
        Map.of(WebhookRoutes.SECRET_HEADER, SECRET), WebhookStyle.SEND_ALL_PROPERTIES);
    FakeItem item = new FakeItem(ID, "Heat", "Movie", "/m/x.mkv", Map.of(), Instant.now(), "lib", 1995);

    assertThat(result(fake.sendWebhook("ItemDeleted", item)).statusCode()).isEqualTo(202);
    assertThat(events).extracting(WebhookEvent::type).containsExactly(WebhookEvent.Type.ITEM_DELETED);
  }

  @Test
  void withoutTheSecretHeaderIsUnauthorized() {
    HttpResponse<Buffer> r = post(itemAdded(ID), Map.of("Content-Type", "text/plain"));

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.bodyAsString()).contains("X-Vorg-Secret");
    assertThat(events).isEmpty();
  }

  @Test
  void aWrongSecretOfAnyLengthIsUnauthorized() {
    for (String wrong : List.of("x", SECRET + "x", SECRET.toUpperCase(), SECRET.substring(1), "")) {
      assertThat(post(itemAdded(ID), Map.of(WebhookRoutes.SECRET_HEADER, wrong)).statusCode()).as(wrong).isEqualTo(401);
    }
    assertThat(events).isEmpty();
    assertThat(routes.refused()).isEqualTo(5);
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() {
    String huge = "{\"NotificationType\":\"ItemAdded\",\"ItemId\":\"" + ID + "\",\"Overview\":\""
        + "a".repeat(WebhookSettings.of(SECRET).maxBodyBytes()) + "\"}";

    assertThat(postWithSecret(huge).statusCode()).isEqualTo(413);
    assertThat(events).isEmpty();
  }

  @Test
  void malformedBodiesAreBadRequestsSayingWhy() {
    Map<String, String> cases = Map.of(
        "{\"NotificationType\":\"ItemAdded\",", "not a JSON object",
        "[1,2]", "not a JSON object",
        "", "empty",
        "{\"ItemId\":\"" + ID + "\"}", "NotificationType",
        "{\"NotificationType\":\"ItemAdded\"}", "ItemId",
        "{\"NotificationType\":\"ItemAdded\",\"ItemId\":42}", "ItemId",
        "{\"NotificationType\":\"<script>\",\"ItemId\":\"" + ID + "\"}", "NotificationType");
    cases.forEach((body, reason) -> {
      HttpResponse<Buffer> r = postWithSecret(body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(r.bodyAsString()).as(body).contains(reason);
    });
    assertThat(events).isEmpty();
  }

  @Test
  void oddItemIdsAreRefused() {
    for (String id : List.of("../../etc/passwd", ID + "/../x", ID.substring(1), "0f98eef9-9409-0246-6c7a1834a9cf1f9e-",
        "%2e%2e%2f", ID + "\u0000", "g" + ID.substring(1))) {
      assertThat(postWithSecret(itemAdded(id)).statusCode()).as(id).isEqualTo(400);
    }
    assertThat(events).isEmpty();
  }

  @Test
  void pathsInThePayloadAreNeverPassedOnAndChangeNothingOnDisk() throws IOException {
    Files.writeString(library.resolve("keep.mkv"), "video");
    List<Path> before = listing();
    String hostile = "{\"NotificationType\":\"ItemAdded\",\"ItemId\":\"" + DASHED + "\","
        + "\"ItemType\":\"../../Movie\",\"Path\":\"" + library.resolve("keep.mkv") + "\","
        + "\"Name\":\"../../../etc/passwd\",\"Provider_tmdb\":\"../1\"}";

    assertThat(postWithSecret(hostile).statusCode()).isEqualTo(202);

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.itemId()).isEqualTo(ID);
      assertThat(e.itemType()).isEmpty();
    });
    assertThat(listing()).isEqualTo(before);
    assertThat(Files.readString(library.resolve("keep.mkv"))).isEqualTo("video");
  }

  @Test
  void unknownEventTypesAreIgnoredNotErrors() {
    HttpResponse<Buffer> r = postWithSecret("{\"NotificationType\":\"PlaybackStart\",\"ItemId\":\"" + ID + "\"}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsString()).contains("PlaybackStart");
    assertThat(events).isEmpty();
  }

  @Test
  void duplicateDeliveriesWithOrWithoutDashesArePassedOnOnce() {
    assertThat(postWithSecret(itemAdded(ID)).statusCode()).isEqualTo(202);
    HttpResponse<Buffer> again = postWithSecret(itemAdded(DASHED.toUpperCase()));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsString()).contains("duplicate");
    assertThat(events).hasSize(1);
  }

  @Test
  void anItemAddedAgainAfterItsDeletionIsPassedOn() {
    postWithSecret(itemAdded(ID));
    postWithSecret("{\"NotificationType\":\"ItemDeleted\",\"ItemId\":\"" + ID + "\"}");
    postWithSecret(itemAdded(ID));

    assertThat(events).extracting(WebhookEvent::type).containsExactly(
        WebhookEvent.Type.ITEM_ADDED, WebhookEvent.Type.ITEM_DELETED, WebhookEvent.Type.ITEM_ADDED);
  }

  @Test
  void formPostsAreRefusedAsTheWrongDestination() {
    HttpResponse<Buffer> r = post("NotificationType=ItemAdded", Map.of(WebhookRoutes.SECRET_HEADER, SECRET,
        "Content-Type", "application/x-www-form-urlencoded"));

    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.bodyAsString()).contains("Generic destination");
  }

  List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.walk(library)) {
      return files.sorted().toList();
    }
  }
}
