package org.videoorganizer.jellyfin.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.failure;
import static org.videoorganizer.jellyfin.fake.Await.result;
import static org.videoorganizer.jellyfin.fake.Await.until;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.PathMap;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

class AnnouncerTest {

  static final String KEY = "announcer-test-key";

  Vertx vertx;
  FakeJellyfin fake;
  @TempDir Path box;
  Path movies;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    fake = result(FakeJellyfin.start(vertx, KEY));
    movies = box.resolve("Movies");
    fake.addLibrary("Movies", "movies", "/media/Movies", movies);
  }

  @AfterEach
  void stop() {
    result(vertx.close());
  }

  Announcer announcer(int batchSize) {
    JellyfinSettings settings = JellyfinSettings.of(fake.baseUri(), KEY)
        .withPathMap(PathMap.parse(movies + "=/media/Movies"))
        .withAnnounceDebounce(Duration.ofMillis(100))
        .withAnnounceBatchSize(batchSize);
    return new Announcer(vertx, new JellyfinClient(vertx, settings), Duration.ofMillis(100), Duration.ofMillis(400));
  }

  List<Future<Void>> announceMovies(Announcer announcer, int count) {
    List<Future<Void>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "Movie " + i + " (2001) [tmdbid-" + (1000 + i) + "]";
      all.add(announcer.announce(movies.resolve(name).resolve(name + ".mkv")));
    }
    return all;
  }

  @Test
  void aBurstOfAHundredFilesIsOneCallWithThePathsJellyfinSees() {
    Announcer announcer = announcer(200);

    result(Future.all(announceMovies(announcer, 100)));

    assertThat(fake.calls("POST", "/Library/Media/Updated")).isEqualTo(1);
    assertThat(fake.mediaUpdatedBatches().getFirst()).hasSize(100)
        .contains("/media/Movies/Movie 7 (2001) [tmdbid-1007]/Movie 7 (2001) [tmdbid-1007].mkv");
    assertThat(fake.calls("POST", "/Library/Refresh")).isZero();
  }

  @Test
  void aBurstLargerThanABatchIsSplitIntoFewCalls() {
    Announcer announcer = announcer(40);

    result(Future.all(announceMovies(announcer, 100)));

    assertThat(fake.mediaUpdatedBatches()).hasSize(3);
    assertThat(fake.mediaUpdatedBatches().stream().mapToInt(List::size).sum()).isEqualTo(100);
  }

  @Test
  void thePathPublishedTwiceIsAnnouncedOnce() {
    Announcer announcer = announcer(200);
    Path file = movies.resolve("Heat (1995)/Heat (1995).mkv");

    result(Future.all(announcer.announce(file), announcer.announce(file)));

    assertThat(fake.mediaUpdatedBatches()).containsExactly(List.of("/media/Movies/Heat (1995)/Heat (1995).mkv"));
  }

  @Test
  void aPathOutsideThePathMapFailsAtOnceNamingIt() {
    Throwable e = failure(announcer(200).announce(Path.of("/elsewhere/a.mkv")));

    assertThat(e).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/elsewhere/a.mkv").hasMessageContaining("VORG_JELLYFIN_PATH_MAP")
        .hasMessageContaining("jellyfin.path_map");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void keepsRetryingWhileJellyfinIsDownAndDeliversWhenItIsBack() {
    Announcer announcer = announcer(200);
    result(fake.goDown());

    Future<Void> done = Future.all(announceMovies(announcer, 10)).mapEmpty();
    until(Duration.ofSeconds(5), "three failed attempts", () -> announcer.calls() >= 3);
    assertThat(done.isComplete()).isFalse();
    assertThat(announcer.lastError()).hasValueSatisfying(m -> assertThat(m).contains("could not be reached"));
    result(fake.comeBack());

    result(done);
    assertThat(fake.mediaUpdatedBatches()).singleElement().satisfies(b -> assertThat(b).hasSize(10));
    assertThat(announcer.pending()).isZero();
    assertThat(announcer.lastError()).isEmpty();
  }

  @Test
  void retriesAfterAServerErrorWithoutLosingPaths() {
    Announcer announcer = announcer(200);
    fake.failWith(500);

    Future<Void> done = Future.all(announceMovies(announcer, 5)).mapEmpty();
    until(Duration.ofSeconds(5), "a failed attempt", () -> announcer.calls() >= 2);
    fake.failWith(0);

    result(done);
    assertThat(fake.mediaUpdatedBatches()).singleElement().satisfies(b -> assertThat(b).hasSize(5));
  }
}
