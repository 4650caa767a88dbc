package org.videoorganizer.daemon.announce;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

/**
 * The controls' "put an organized video back", with real files, the daemon's own journal and a
 * fake Jellyfin: the video and its subtitle return to the inbox, the library copy goes to the
 * undo trash, the video is rejected (retry organizes it again) and Jellyfin drops the item. When
 * another file has taken the source path meanwhile, the original stays in the trash and the
 * answer says where.
 */
@ExtendWith(TestServices.class)
class UndoControlTest {

  static final String HEAT = "lib/Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv";

  @TempDir Path dir;
  final JellyfinDaemons daemons = new JellyfinDaemons();
  Vertx vertx;
  FakeJellyfin fake;
  Daemon daemon;
  WebSession web;

  @BeforeEach
  void start(TestServices.Env env) throws Exception {
    JellyfinDaemons.emptyDatabase(env);
    vertx = Vertx.vertx();
    fake = JellyfinDaemons.moviesJellyfin(vertx, dir);
    daemon = daemons.start(dir, env, fake);
    web = new WebSession(daemon.httpPort());
    web.login(daemon.httpToken().value());
  }

  @AfterEach
  void stop() {
    daemons.stopAll();
    vertx.close();
  }

  private long organizeHeat() throws Exception {
    Path source = dir.resolve("in/Heat (1995) [tmdbid-949].mkv");
    Files.writeString(dir.resolve("in/Heat (1995) [tmdbid-949].en.srt"), "1\n00:00:01,000 --> 00:00:02,000\nHello\n");
    JellyfinDaemons.write(source, 150_000, 1);
    daemons.awaitJellyfin(daemon, "confirmed", 1);
    assertThat(source).doesNotExist();
    assertThat(fake.itemAt("/media/Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv")).isPresent();
    return web.getJson("/api/videos?q=Heat").getJsonArray("items").getJsonObject(0).getLong("video");
  }

  @Test
  void anOrganizedVideoGoesBackToItsSourceWithItsSubtitleAndJellyfinDropsIt() throws Exception {
    long video = organizeHeat();
    byte[] original = Files.readAllBytes(dir.resolve(HEAT));

    var undo = web.postJson("/api/controls/undo", new JsonObject().put("video", video));
    assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
    assertThat(new JsonObject(undo.body()).getString("done")).startsWith("put back to " + dir.resolve("in/Heat (1995) [tmdbid-949].mkv"));
    assertThat(Files.readAllBytes(dir.resolve("in/Heat (1995) [tmdbid-949].mkv"))).isEqualTo(original);
    assertThat(dir.resolve("in/Heat (1995) [tmdbid-949].en.srt")).exists();
    assertThat(dir.resolve(HEAT)).doesNotExist();
    assertThat(dir.resolve("lib/Movies/Heat (1995) [tmdbid-949]")).as("its emptied folder").doesNotExist();
    JsonObject detail = web.getJson("/api/videos/" + video);
    assertThat(detail.getJsonObject("video").getString("state")).isEqualTo("rejected");
    assertThat(detail.getJsonArray("files")).isEmpty();
    assertThat(detail.getJsonArray("jellyfin")).isEmpty();
    awaitGoneFromJellyfin();

    var again = web.postJson("/api/controls/undo", new JsonObject().put("video", video));
    assertThat(again.statusCode()).as("nothing left to put back").isEqualTo(409);
    assertThat(web.postJson("/api/controls/retry", new JsonObject().put("video", video)).statusCode()).isEqualTo(200);
    daemons.awaitJellyfin(daemon, "confirmed", 1);
    assertThat(dir.resolve(HEAT)).as("a retry organizes it again").exists();
  }

  @Test
  void whenAnotherFileTookTheSourcePathTheOriginalStaysInTheTrashAndTheAnswerSaysWhere() throws Exception {
    long video = organizeHeat();
    Path source = dir.resolve("in/Heat (1995) [tmdbid-949].mkv");
    JellyfinDaemons.write(source, 120_000, 7); // different bytes under the same name: waits in review
    daemons.awaitVideos(daemon, "needs_review", 1);

    var undo = web.postJson("/api/controls/undo", new JsonObject().put("video", video));
    assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
    String done = new JsonObject(undo.body()).getString("done");
    assertThat(done).contains("the source path is taken by another file", ".vorg-trash");
    assertThat(Files.size(source)).as("the newcomer is left alone").isEqualTo(120_000);
    assertThat(dir.resolve(HEAT)).doesNotExist();
    assertThat(web.getJson("/api/videos/" + video).getJsonObject("video").getString("state")).isEqualTo("rejected");
    awaitGoneFromJellyfin();
  }

  @Test
  void aLibraryFileReplacedSinceItWasOrganizedIsKeptBesideTheOriginalAndTheVideoStaysOrganized() throws Exception {
    long video = organizeHeat();
    Files.delete(dir.resolve(HEAT)); // replaced in the library (an editor writes a new file)
    JellyfinDaemons.write(dir.resolve(HEAT), 150_000, 99);

    var undo = web.postJson("/api/controls/undo", new JsonObject().put("video", video));
    assertThat(undo.statusCode()).as(undo.body()).isEqualTo(409);
    assertThat(new JsonObject(undo.body()).getString("error")).contains("stays in the library", "changed");
    assertThat(dir.resolve(HEAT)).as("the changed library file is kept").exists();
    assertThat(dir.resolve("in/Heat (1995) [tmdbid-949].mkv")).as("and the original, back from the trash").exists();
    assertThat(web.getJson("/api/videos/" + video).getJsonObject("video").getString("state")).as("still in the library").isIn("organized", "announced", "confirmed");
  }

  private void awaitGoneFromJellyfin() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (fake.itemAt("/media/Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv").isPresent()) {
      assertThat(System.nanoTime()).as("Jellyfin still shows the video put back").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
