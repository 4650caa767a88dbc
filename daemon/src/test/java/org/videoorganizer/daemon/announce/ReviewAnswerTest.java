package org.videoorganizer.daemon.announce;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.fake.FakeJellyfin;

/**
 * The review loop over the JSON API, as the page uses it: a film TMDB cannot match waits in
 * review; a person logs in, searches TMDB, picks the film, and it is organized, announced and
 * confirmed by (fake) Jellyfin. An episode of a show TMDB does not know by that name is answered
 * once; the next episode under the same show name follows the correction without asking, and
 * the video page says so. 
 */
@ExtendWith(TestServices.class)
class ReviewAnswerTest {

  @TempDir Path dir;
  final JellyfinDaemons daemons = new JellyfinDaemons();
  Vertx vertx;
  FakeJellyfin fake;
  FakeTmdbServer tmdb;
  Daemon daemon;

  @BeforeEach
  void start(TestServices.Env env) throws Exception {
    JellyfinDaemons.emptyDatabase(env);
    vertx = Vertx.vertx();
    fake = JellyfinDaemons.moviesJellyfin(vertx, dir);
    fake.addLibrary("Shows", "tvshows", "/media/TV Shows", dir.resolve("lib/TV Shows"));
    tmdb = FakeTmdbServer.start();
    daemon = daemons.start(dir, env, fake, Map.of("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY, "VORG_TMDB_BASE_URL", tmdb.baseUrl()));
  }

  @AfterEach
  void stop() {
    daemons.stopAll();
    vertx.close();
    tmdb.close();
  }

  @Test
  void aFilmAnsweredOnTheReviewPageIsOrganizedAndConfirmedAndACorrectionNamesTheNextEpisode() throws Exception {
    JellyfinDaemons.write(dir.resolve("in/Zqxwv Plorkt (1987).mkv"), 150_000, 1);
    daemons.awaitVideos(daemon, "needs_review", 1);
    WebSession web = new WebSession(daemon.httpPort());
    assertThat(web.login(daemon.httpToken().value()).statusCode()).isEqualTo(303);

    JsonArray questions = web.getJson("/api/review").getJsonArray("questions");
    assertThat(questions).hasSize(1);
    long video = questions.getJsonObject(0).getLong("video");
    assertThat(web.get("/review").body()).contains("Zqxwv Plorkt (1987).mkv", "Search TMDB");

    JsonArray hits = web.getJson("/api/tmdb/search?q=RoboCop&year=1987&kind=movie").getJsonArray("results");
    assertThat(hits.stream().map(h -> ((JsonObject) h).getLong("tmdb_id"))).contains(5548L);
    var answered = web.postJson("/api/review/" + video + "/answer",
        new JsonObject().put("answer", "tmdb").put("kind", "movie").put("tmdb_id", 5548));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

    daemons.awaitJellyfin(daemon, "confirmed", 1);
    assertThat(dir.resolve("lib/Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv")).exists();
    assertThat(dir.resolve("in/Zqxwv Plorkt (1987).mkv")).doesNotExist();

    JellyfinDaemons.write(dir.resolve("in/Brkng Bd/Brkng.Bd.S01E01.mkv"), 150_000, 2);
    daemons.awaitVideos(daemon, "needs_review", 1);
    JsonArray open = web.getJson("/api/review").getJsonArray("questions");
    assertThat(open).as(web.getJson("/api/videos").encodePrettily()).hasSize(1);
    long first = open.getJsonObject(0).getLong("video");
    var show = web.postJson("/api/review/" + first + "/answer",
        new JsonObject().put("answer", "tmdb").put("kind", "tv").put("tmdb_id", 1396));
    assertThat(show.statusCode()).as(show.body()).isEqualTo(200);
    daemons.awaitJellyfin(daemon, "confirmed", 2);

    JellyfinDaemons.write(dir.resolve("in/Brkng.Bd.S01E02.720p.mkv"), 150_000, 3);
    daemons.awaitJellyfin(daemon, "confirmed", 3);
    assertThat(dir.resolve("lib/TV Shows/Breaking Bad (2008) [tmdbid-1396]/Season 01")).isDirectoryContaining(
        p -> p.getFileName().toString().startsWith("Breaking Bad S01E02"));
    JsonObject videos = web.getJson("/api/videos?q=S01E02");
    long second = videos.getJsonArray("items").getJsonObject(0).getLong("video");
    JsonObject detail = web.getJson("/api/videos/" + second);
    assertThat(detail.getJsonArray("corrections").getJsonObject(0).getString("applied")).startsWith("applied without asking");
    assertThat(web.get("/videos/" + second).body()).contains("applied without asking", "Take back");
  }

  @Test
  void aSubtitleLaidNextToTheVideoWhileItWaitedForReviewIsCarriedWithIt() throws Exception {
    JellyfinDaemons.write(dir.resolve("in/Zqxwv Plorkt (1987).mkv"), 150_000, 5);
    daemons.awaitVideos(daemon, "needs_review", 1);
    JellyfinDaemons.write(dir.resolve("in/Zqxwv Plorkt (1987).en.srt"), 400, 6);
    WebSession web = new WebSession(daemon.httpPort());
    web.login(daemon.httpToken().value());
    long video = web.getJson("/api/review").getJsonArray("questions").getJsonObject(0).getLong("video");

    var answered = web.postJson("/api/review/" + video + "/answer",
        new JsonObject().put("answer", "tmdb").put("kind", "movie").put("tmdb_id", 5548));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

    daemons.awaitJellyfin(daemon, "confirmed", 1);
    Path folder = dir.resolve("lib/Movies/RoboCop (1987) [tmdbid-5548]");
    assertThat(folder.resolve("RoboCop (1987) [tmdbid-5548].en.srt")).as("the subtitle fingerprinting never saw").exists();
    assertThat(dir.resolve("in/Zqxwv Plorkt (1987).en.srt")).doesNotExist();
  }

  @Test
  void vorgReviewAnswersOverTheApiAndTakingTheCorrectionBackReturnsAnUnorganizedVideoToReview() throws Exception {
    JellyfinDaemons.write(dir.resolve("in/Zqxwv Plorkt (1987).mkv"), 150_000, 4);
    daemons.awaitVideos(daemon, "needs_review", 1);
    String url = "http://127.0.0.1:" + daemon.httpPort();
    String list = vorg("review", "--url", url, "--data-dir", dir.resolve("data").toString());
    assertThat(list).contains("Zqxwv Plorkt (1987).mkv", "TMDB found nothing");
    long video = Long.parseLong(list.substring(0, list.indexOf(' ')));
    assertThat(vorg("review", "--url", url, "--data-dir", dir.resolve("data").toString(), "search", String.valueOf(video),
        "RoboCop", "--year", "1987", "--kind", "movie")).contains("vorg review answer " + video + " --tmdb movie:5548");

    WebSession web = new WebSession(daemon.httpPort());
    web.login(daemon.httpToken().value());
    assertThat(web.postJson("/api/controls/pause", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(web.getJson("/api/overview").getBoolean("paused")).isTrue();
    assertThat(vorg("review", "--url", url, "--data-dir", dir.resolve("data").toString(), "answer", String.valueOf(video),
        "--tmdb", "movie:5548")).contains("identified as film RoboCop (1987) [tmdb 5548]");
    JsonObject detail = web.getJson("/api/videos/" + video);
    assertThat(detail.getJsonObject("video").getString("state")).as("paused: identified, not yet organized").isEqualTo("identified");
    long correction = detail.getJsonArray("corrections").getJsonObject(0).getLong("id");

    var undo = web.postJson("/api/corrections/" + correction + "/undo", new JsonObject());
    assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
    assertThat(new JsonObject(undo.body()).getInteger("back_to_review")).isEqualTo(1);
    assertThat(web.postJson("/api/controls/resume", new JsonObject()).statusCode()).isEqualTo(200);
    detail = web.getJson("/api/videos/" + video);
    assertThat(detail.getJsonObject("video").getString("state")).isEqualTo("needs_review");
    assertThat(detail.getJsonObject("match")).as("the answer's identity is gone").isNull();
    assertThat(detail.getJsonArray("corrections").getJsonObject(0).getBoolean("revoked")).isTrue();
    Thread.sleep(3000); // the queued step runs after the resume and must find nothing to do
    assertThat(web.getJson("/api/videos/" + video).getJsonObject("video").getString("state")).isEqualTo("needs_review");
    assertThat(dir.resolve("in/Zqxwv Plorkt (1987).mkv")).exists();
    assertThat(web.postJson("/api/corrections/" + correction + "/undo", new JsonObject()).statusCode()).isEqualTo(404);
  }

  @Test
  void takingBackAnAnswerPutsTheFilmItOrganizedBackAndAsksAgain() throws Exception {
    JellyfinDaemons.write(dir.resolve("in/Zqxwv Plorkt (1987).mkv"), 150_000, 6);
    daemons.awaitVideos(daemon, "needs_review", 1);
    WebSession web = new WebSession(daemon.httpPort());
    web.login(daemon.httpToken().value());
    long video = web.getJson("/api/review").getJsonArray("questions").getJsonObject(0).getLong("video");
    web.postJson("/api/review/" + video + "/answer", new JsonObject().put("answer", "tmdb").put("kind", "movie").put("tmdb_id", 5548));
    daemons.awaitJellyfin(daemon, "confirmed", 1);
    Path film = dir.resolve("lib/Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv");
    assertThat(film).exists();
    long correction = web.getJson("/api/videos/" + video).getJsonArray("corrections").getJsonObject(0).getLong("id");

    var undo = web.postJson("/api/corrections/" + correction + "/undo", new JsonObject());
    assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
    assertThat(new JsonObject(undo.body()).getString("done")).contains("1 organized video(s) put back and asked again");
    assertThat(dir.resolve("in/Zqxwv Plorkt (1987).mkv")).exists();
    assertThat(film).doesNotExist();
    JsonObject detail = web.getJson("/api/videos/" + video);
    assertThat(detail.getJsonObject("video").getString("state")).isEqualTo("needs_review");
    assertThat(detail.getJsonObject("match")).as("the taken-back identity is gone").isNull();
    assertThat(web.getJson("/api/review").getJsonArray("questions").getJsonObject(0).getLong("video")).isEqualTo(video);
  }

  @Test
  void theReviewPageShowsTheCandidatesTheMatcherStoredWithoutAskingTmdbAgain() throws Exception {
    JellyfinDaemons.write(dir.resolve("in/King Kong.mkv"), 150_000, 5);
    daemons.awaitVideos(daemon, "needs_review", 1);
    WebSession web = new WebSession(daemon.httpPort());
    web.login(daemon.httpToken().value());
    int asked = tmdb.requestCount();

    JsonObject question = web.getJson("/api/review").getJsonArray("questions").getJsonObject(0);
    JsonArray candidates = question.getJsonArray("candidates");
    assertThat(candidates.size()).as(question.encodePrettily()).isGreaterThanOrEqualTo(2);
    JsonObject best = candidates.getJsonObject(0);
    assertThat(best.getString("title")).isEqualTo("King Kong");
    assertThat(best.getString("kind")).isEqualTo("movie");
    assertThat(best.getDouble("score")).isBetween(0.0, 1.0);
    assertThat(question.getString("reason")).contains("almost equally good");
    String page = web.get("/review").body();
    assertThat(page).contains("King Kong", "score " + best.getDouble("score"));
    assertThat(web.get("/videos/" + question.getLong("video")).body()).contains("Candidates the matcher saw");
    assertThat(tmdb.requestCount()).as("listing questions asks TMDB nothing").isEqualTo(asked);

    var answered = web.postJson("/api/review/" + question.getLong("video") + "/answer",
        new JsonObject().put("answer", "tmdb").put("kind", "movie").put("tmdb_id", best.getLong("tmdb_id")));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    daemons.awaitJellyfin(daemon, "confirmed", 1);
  }

  private static String vorg(String... args) {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    int status = org.videoorganizer.daemon.cli.VorgCommand.commandLine(new java.io.PrintWriter(out, true),
        new java.io.PrintWriter(err, true)).execute(args);
    assertThat(status).as(String.join(" ", args) + "\n" + err).isZero();
    return out.toString();
  }
}
