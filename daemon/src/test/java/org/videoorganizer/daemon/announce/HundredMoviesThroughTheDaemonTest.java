package org.videoorganizer.daemon.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

/** Measures: 100 movies landing together, Jellyfin calls, and time from landing to all confirmed. */
@Tag("slow")
@ExtendWith(TestServices.class)
class HundredMoviesThroughTheDaemonTest {

  static final int FILES = 100;

  @TempDir Path dir;

  @Test
  void aHundredMoviesLandingTogetherTakeAFewAnnounceCallsAndAreAllConfirmed(TestServices.Env env) throws Exception {
    Vertx vertx = Vertx.vertx();
    FakeJellyfin fake = JellyfinDaemons.moviesJellyfin(vertx, dir);
    JellyfinDaemons daemons = new JellyfinDaemons();
    try {
      Daemon d = daemons.start(dir, env, fake, Map.of("VORG_JELLYFIN_WEBHOOK_WAIT", "30s",
          "VORG_JELLYFIN_ANNOUNCE_DEBOUNCE", "2s"));
      Path staging = dir.resolve("staging");
      for (int i = 0; i < FILES; i++) {
        JellyfinDaemons.write(staging.resolve(title(i) + ".mkv"), 50_000, i);
      }
      long landed = System.nanoTime();
      java.nio.file.Files.move(staging, dir.resolve("in/batch"));

      JsonObject status = daemons.awaitJellyfin(d, "confirmed", FILES);
      long millis = Duration.ofNanos(System.nanoTime() - landed).toMillis();

      int announceCalls = fake.mediaUpdatedBatches().size();
      int calls = fake.requests().size();
      System.out.printf("%d movies: landing to all confirmed %d ms; Media/Updated calls %d (batches %s); "
              + "Jellyfin requests in all %d; webhooks sent %d%n", FILES, millis, announceCalls,
          fake.mediaUpdatedBatches().stream().map(List::size).toList(), calls, fake.webhooksSent());
      assertThat(daemons.awaitVideos(d, "confirmed", FILES).getJsonObject("videos").getLong("confirmed")).isEqualTo(FILES);
      assertThat(fake.mediaUpdatedBatches().stream().mapToInt(List::size).sum()).isEqualTo(FILES);
      assertThat(announceCalls).as("goal: at most 5 announce calls for 100 files").isLessThanOrEqualTo(5);
      assertThat(fake.calls("POST", "/Library/Refresh")).isZero();
    } finally {
      daemons.stopAll();
      result(fake.close());
      result(vertx.close());
    }
  }

  /** Distinct titles the parser reads as movies: "Film Bac (1990) [tmdbid-5002]". */
  static String title(int i) {
    String letters = "" + (char) ('B' + i / 26 % 20) + (char) ('a' + i % 26) + (char) ('a' + (i * 7) % 26);
    return "Film " + letters + " (" + (1950 + i % 70) + ") [tmdbid-" + (5000 + i) + "]";
  }
}
