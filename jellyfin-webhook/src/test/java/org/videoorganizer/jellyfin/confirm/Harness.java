package org.videoorganizer.jellyfin.confirm;

import static org.videoorganizer.jellyfin.fake.Await.result;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.PathMap;
import org.videoorganizer.jellyfin.WebhookSettings;
import org.videoorganizer.jellyfin.announce.Announcer;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;
import org.videoorganizer.jellyfin.fake.WebhookStyle;
import org.videoorganizer.jellyfin.webhook.WebhookRoutes;

/**
 * The whole Jellyfin side wired as the daemon will wire it: a fake Jellyfin over real folders,
 * the announcer, the webhook receiver on a real HTTP server, and the confirmation loop.
 */
final class Harness implements AutoCloseable {

  static final String KEY = "harness-api-key";
  static final String SECRET = "harness-webhook-secret";

  final Vertx vertx = Vertx.vertx();
  final Path movies;
  final FakeJellyfin fake;
  final JellyfinClient client;
  final Announcer announcer;
  final RecordingStore store = new RecordingStore();
  final ConfirmationLoop loop;
  final WebhookRoutes routes;
  final int port;
  /** When each published file was written, by Jellyfin path. */
  final Map<String, java.time.Instant> landed = new java.util.concurrent.ConcurrentHashMap<>();

  Harness(Path box, UnaryOperator<JellyfinSettings> tune) {
    movies = box.resolve("Movies");
    fake = result(FakeJellyfin.start(vertx, KEY));
    fake.addLibrary("Movies", "movies", "/media/Movies", movies);
    fake.addLibrary("Shows", "tvshows", "/media/Shows", box.resolve("Shows"));
    fake.libraryMonitorDelay(Duration.ofMillis(30)).webhookTick(Duration.ofMillis(20));
    JellyfinSettings settings = tune.apply(JellyfinSettings.of(fake.baseUri(), KEY)
        .withPathMap(PathMap.parse(box + "=/media"))
        .withAnnounceDebounce(Duration.ofMillis(50))
        .withWebhookWait(Duration.ofSeconds(10))
        .withPollMaxInterval(Duration.ofMillis(400))
        .withGiveUpAfter(Duration.ofSeconds(20)));
    client = new JellyfinClient(vertx, settings);
    announcer = new Announcer(vertx, client, Duration.ofMillis(100), Duration.ofMillis(300));
    // A tick far beyond every wait of the tests: checks happen because the loop waits for the next
    // due time and is woken by webhooks and expectations, not because it looks every few milliseconds.
    loop = new ConfirmationLoop(client, store, Clock.systemUTC(), Duration.ofMinutes(10));
    routes = new WebhookRoutes(WebhookSettings.of(SECRET), loop::onWebhook, Clock.systemUTC());
    Router router = Router.router(vertx);
    routes.mount(router);
    port = result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
    fake.webhooks(URI.create(webhookUrl()),
        Map.of(WebhookRoutes.SECRET_HEADER, SECRET), WebhookStyle.TEMPLATE_AS_TEXT);
    loop.start();
  }

  /** Writes a movie file as the organizer publishes it, announces it and expects it. */
  Future<Void> publish(String title, int year, String tmdbId) {
    String name = title + " (" + year + ") [tmdbid-" + tmdbId + "]";
    Path file = movies.resolve(name).resolve(name + ".mkv");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "video bytes of " + title);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return expectAndAnnounce(file, tmdbId);
  }

  Future<Void> expectAndAnnounce(Path file, String tmdbId) {
    java.time.Instant now = java.time.Instant.now();
    return loop.expect(file, tmdbId).compose(c -> {
      landed.put(c.jellyfinPath(), now);
      return announcer.announce(file);
    });
  }

  /** Announces an episode file and expects it as {@code numbers} of the show {@code showTmdbId}. */
  Future<Void> expectEpisodeAndAnnounce(Path file, String showTmdbId, EpisodeNumbers numbers) {
    java.time.Instant now = java.time.Instant.now();
    return loop.expectEpisode(file, showTmdbId, numbers).compose(c -> {
      landed.put(c.jellyfinPath(), now);
      return announcer.announce(file);
    });
  }

  String webhookUrl() {
    return "http://127.0.0.1:" + port + WebhookRoutes.PATH;
  }

  Optional<Confirmation> confirmation(String title) {
    return result(store.inAnyState()).stream().filter(c -> c.localPath().toString().contains(title)).findFirst();
  }

  long count(ConfirmationState state) {
    return result(loop.status(100)).count(state);
  }

  @Override
  public void close() {
    loop.stop();
    result(vertx.close());
  }

  /** The in-memory store, remembering every state it was asked to save. */
  static final class RecordingStore extends ForwardingStore {
    final List<Confirmation> saved = new CopyOnWriteArrayList<>();

    RecordingStore() {
      super(new InMemoryConfirmationStore());
    }

    @Override
    public Future<Void> save(Confirmation c) {
      saved.add(c);
      return super.save(c);
    }

    Future<List<Confirmation>> inAnyState() {
      return Future.succeededFuture(saved.reversed().stream()
          .collect(java.util.stream.Collectors.toMap(Confirmation::jellyfinPath, c -> c, (a, b) -> a))
          .values().stream().toList());
    }

    List<ConfirmationState> history(String title) {
      return saved.stream().filter(c -> c.localPath().toString().contains(title)).map(Confirmation::state)
          .distinct().toList();
    }
  }
}
