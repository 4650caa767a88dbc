package org.videoorganizer.daemon.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

/** Jellyfin down when the daemon starts: files are still organized, and announced once it is back. */
@Tag("slow")
@ExtendWith(TestServices.class)
class JellyfinDownAtStartTest {

  static final String HEAT = JellyfinDaemonTest.HEAT;

  @TempDir Path dir;
  final JellyfinDaemons daemons = new JellyfinDaemons();
  Vertx vertx;
  FakeJellyfin fake;

  @BeforeEach
  void startJellyfinAndTakeItDown(TestServices.Env env) throws Exception {
    JellyfinDaemons.emptyDatabase(env);
    vertx = Vertx.vertx();
    fake = result(FakeJellyfin.start(vertx, JellyfinDaemons.KEY));
    fake.addLibrary("Movies", "movies", "/media/Movies", dir.resolve("lib/Movies"));
    fake.libraryMonitorDelay(Duration.ofMillis(50)).webhookTick(Duration.ofMillis(20));
    result(fake.goDown());
  }

  @AfterEach
  void stop() {
    daemons.stopAll();
    result(fake.close());
    result(vertx.close());
  }

  @Test
  void organizesWhileJellyfinIsDownAndAnnouncesOnceItComesBack(TestServices.Env env) throws Exception {
    Daemon d = daemons.start(dir, env, fake);
    JsonObject started = daemons.await(d, "start-up check done",
        s -> s.getJsonObject("jellyfin").containsKey("reachableAtStart"));
    assertThat(started.getJsonObject("jellyfin").getBoolean("reachableAtStart")).isFalse();
    assertThat(started.getJsonObject("jellyfin").getJsonArray("warnings").getString(0)).contains("not usable yet");

    JellyfinDaemons.write(dir.resolve("in/Heat (1995) [tmdbid-949].mkv"), 120_000, 7);
    daemons.awaitVideos(d, "announced", 1);
    JsonObject waiting = daemons.await(d, "a failed announcement shown",
        s -> s.getJsonObject("jellyfin").getJsonObject("announce").getString("lastError") != null);

    assertThat(dir.resolve("lib").resolve(HEAT)).as("organized while Jellyfin is down").exists();
    assertThat(waiting.getJsonObject("jellyfin").getLong("queuedAnnouncements")).isEqualTo(1);
    assertThat(fake.mediaUpdatedBatches()).isEmpty();

    result(fake.comeBack());
    JsonObject after = daemons.awaitJellyfin(d, "confirmed", 1);

    assertThat(fake.mediaUpdatedBatches()).containsExactly(List.of("/media/" + HEAT));
    assertThat(after.getJsonObject("jellyfin").getLong("queuedAnnouncements")).isZero();
  }

  @Test
  void anAnnouncementJellyfinNeverTookIsMadeByTheNextRun(TestServices.Env env) throws Exception {
    Daemon first = daemons.start(dir, env, fake);
    JellyfinDaemons.write(dir.resolve("in/Heat (1995) [tmdbid-949].mkv"), 120_000, 8);
    JsonObject announced = daemons.awaitVideos(first, "announced", 1);
    assertThat(announced.getJsonObject("jellyfin").getLong("queuedAnnouncements")).isEqualTo(1);
    daemons.stop(first);

    result(fake.comeBack());
    Daemon second = daemons.start(dir, env, fake);
    JsonObject after = daemons.awaitJellyfin(second, "confirmed", 1);

    assertThat(fake.mediaUpdatedBatches()).containsExactly(List.of("/media/" + HEAT));
    assertThat(after.getJsonObject("jellyfin").getLong("queuedAnnouncements")).isZero();
    assertThat(daemons.awaitVideos(second, "confirmed", 1).getJsonObject("videos").getLong("confirmed")).isEqualTo(1);
  }
}
