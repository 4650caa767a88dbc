package org.videoorganizer.daemon.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

/**
 * Two daemons on one database and one library, one Jellyfin (its webhook posts to one of them):
 * every movie is announced once and confirmed once, whichever daemon organized it.
 */
@ExtendWith(TestServices.class)
class TwoDaemonsOneJellyfinTest {

  static final int FILES = 20;

  @TempDir Path dir;

  @Test
  void everyMovieIsAnnouncedOnceAndConfirmedOnce(TestServices.Env env) throws Exception {
    Vertx vertx = Vertx.vertx();
    FakeJellyfin fake = JellyfinDaemons.moviesJellyfin(vertx, dir);
    JellyfinDaemons daemons = new JellyfinDaemons();
    try {
      Daemon first = daemons.start(dir, env, fake, Map.of());
      Daemon second = daemons.start(dir, env, fake, Map.of()); // the webhook now posts to this one
      // Which daemon claims a job is a race: on a loaded machine one daemon can take a whole batch
      // before the other polls. The batch repeats (at most three times) until both took part; the
      // announce-once and confirm-once checks hold over every batch so far.
      int total = 0;
      for (int round = 0; round < 3 && (round == 0 || workers(env) < 2); round++) {
        Path staging = dir.resolve("staging");
        for (int i = 0; i < FILES; i++) {
          JellyfinDaemons.write(staging.resolve(HundredMoviesThroughTheDaemonTest.title(total + i) + ".mkv"),
              50_000, total + i);
        }
        Files.move(staging, dir.resolve("in/batch" + round));
        total += FILES;

        JsonObject status = daemons.awaitJellyfin(first, "confirmed", total);
        // Jellyfin's verdict is the video's state: every one of them ends CONFIRMED.
        status = daemons.awaitVideos(first, "confirmed", total);
        assertThat(status.getJsonObject("videos").getLong("confirmed")).as(status.encodePrettily()).isEqualTo(total);
        List<String> announced = fake.mediaUpdatedBatches().stream().flatMap(List::stream).toList();
        Set<String> distinct = new HashSet<>(announced);
        assertThat(distinct).hasSize(total);
        assertThat(announced).as("no path announced by both daemons").hasSize(total);
      }
      assertThat(workers(env)).as("both daemons ran some of the steps within three batches").isEqualTo(2);
      JsonObject seenBySecond = daemons.status(second).getJsonObject("jellyfin").getJsonObject("confirmation");
      assertThat(seenBySecond.getJsonObject("counts").getLong("confirmed")).as("one shared record").isEqualTo(total);
    } finally {
      daemons.stopAll();
      result(fake.close());
      result(vertx.close());
    }
  }

  // Over all steps (fingerprint, identify, organize, announce): 20 organize jobs alone all went to
  // one daemon now and then on a loaded machine, which says nothing about the announce/confirm record.
  private static int workers(TestServices.Env env) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(org.videoorganizer.daemon.testsupport.Servers.jdbc(env.pgUrl()));
        var r = c.createStatement().executeQuery(
            "select count(distinct lease_owner) from jobs where state = 'done'")) {
      r.next();
      return r.getInt(1);
    }
  }
}
