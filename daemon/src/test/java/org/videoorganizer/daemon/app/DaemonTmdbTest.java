package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.match.MatchResult;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * The daemon with a TMDB key, against the fake TMDB: one run over an inbox with an NFO-named
 * video, a video with a lone movie.nfo, a searched film, a sample, a home video and a film TMDB
 * does not know, then one check per video of what was stored.
 */
@ExtendWith(TestServices.class)
class DaemonTmdbTest {

  @TempDir static Path dir;
  static FakeTmdbServer tmdb;
  static Daemon daemon;
  static String jdbc;

  @BeforeAll
  static void runTheInbox(TestServices.Env env) throws Exception {
    tmdb = FakeTmdbServer.start();
    jdbc = Servers.jdbc(env.pgUrl());
    Path in = dir.resolve("in");
    DaemonTest.write(in.resolve("a/Some.Home.Name.mkv"), 120_000, 1);
    Files.writeString(in.resolve("a/Some.Home.Name.nfo"), "https://www.themoviedb.org/movie/97020\n");
    DaemonTest.write(in.resolve("b/Family.Holiday.Tape.mkv"), 120_000, 6);
    Files.writeString(in.resolve("b/movie.nfo"), "<movie>\n  <uniqueid type=\"tmdb\">10674</uniqueid>\n</movie>\n");
    DaemonTest.write(in.resolve("RoboCop.1987.1080p.mkv"), 120_000, 2);
    DaemonTest.write(in.resolve("Dune.1984.sample.mkv"), 20_000, 3);
    DaemonTest.write(in.resolve("Home video of grandpa.mp4"), 120_000, 4);
    DaemonTest.write(in.resolve("Zqxwv Plorkt (2011).mkv"), 120_000, 5);
    daemon = Daemon.start(DaemonTest.config(dir, env,
        Map.of("VORG_TMDB_API_KEY", FakeTmdbServer.API_KEY, "VORG_TMDB_BASE_URL", tmdb.baseUrl())));
    DaemonTest.awaitSettled(HttpClient.newHttpClient(), daemon, 6);
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      daemon.stop();
    }
    tmdb.close();
  }

  @Test
  void aVideoWithAnNfoCarryingATmdbIdIsIdentifiedFromItWithoutASearch() throws Exception {
    String target = "Movies/RoboCop (2014) [tmdbid-97020]/RoboCop (2014) [tmdbid-97020]";
    assertThat(dir.resolve("lib/" + target + ".mkv")).exists();
    assertThat(dir.resolve("lib/" + target + ".nfo")).as("the NFO travels with its video").exists();
    assertThat(tmdb.requests()).as("looked up by id, never searched by its name")
        .noneMatch(r -> r.contains("/search/") && r.contains("Some"));
    Match m = match("a/Some.Home.Name.mkv");
    assertThat(m.tmdbId()).isEqualTo(97020L);
    assertThat(m.confidence()).as("the matcher's confidence for an id TMDB knows").isEqualTo(0.99);
    assertThat(m.evidence().getJsonArray("explanation").getString(0))
        .isEqualTo("ids from the NFO next to the video: tmdb 97020");
  }

  @Test
  void aVideoAloneInItsFolderIsIdentifiedFromALoneMovieNfo() throws Exception {
    Match m = match("b/Family.Holiday.Tape.mkv");
    assertThat(m.tmdbId()).isEqualTo(10674L);
    assertThat(m.evidence().getJsonArray("explanation").getString(0))
        .isEqualTo("ids from the NFO next to the video: tmdb 10674");
    assertThat(tmdb.requests()).as("looked up by id, never searched by its name")
        .noneMatch(r -> r.contains("/search/") && r.contains("Family"));
    try (var movies = Files.list(dir.resolve("lib/Movies"))) {
      Path folder = movies.filter(p -> p.getFileName().toString().startsWith("Mulan")).findFirst().orElseThrow();
      String name = folder.getFileName().toString();
      assertThat(folder.resolve(name + ".mkv")).exists();
      assertThat(folder.resolve(name + ".nfo")).as("movie.nfo travels with its video, under the video's name").exists();
    }
    assertThat(dir.resolve("in/b/movie.nfo")).doesNotExist();
  }

  @Test
  void theStoredConfidenceAndExplanationAreTheMatchersOwn() throws Exception {
    TmdbClient client = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY).build();
    MatchResult expected = Matcher.builder(client).autoAccept(0.8).build()
        .match(new FilenameParser().parse("RoboCop.1987.1080p.mkv"));
    Match m = match("RoboCop.1987.1080p.mkv");
    assertThat(m.tmdbId()).isEqualTo(5548L);
    assertThat(m.confidence()).isEqualTo(expected.confidence()).isBetween(0.8, 1.0);
    assertThat(m.evidence().getDouble("confidence")).isEqualTo(expected.confidence());
    assertThat(m.evidence().getJsonArray("explanation").getList()).isEqualTo(expected.evidence());
    assertThat(dir.resolve("lib/Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].mkv")).exists();
  }

  @Test
  void aSampleIsRejectedWithTheReasonAndStaysInItsSource() throws Exception {
    assertThat(state("Dune.1984.sample.mkv")).isEqualTo("rejected: a sample, not the video itself");
    assertThat(dir.resolve("in/Dune.1984.sample.mkv")).exists();
  }

  @Test
  void aFilmWithoutAYearThatTmdbDoesNotKnowIsFiledUnderOtherWithoutAConfidence() throws Exception {
    assertThat(dir.resolve("lib/Other/Home video of grandpa.mp4")).exists();
    Match m = match("Home video of grandpa.mp4");
    assertThat(m.confidence()).isNull();
    assertThat(m.evidence().getString("reason")).contains("TMDB found nothing", "filed under Other");
  }

  @Test
  void aFilmWithAYearThatTmdbDoesNotKnowWaitsForReview() throws Exception {
    assertThat(state("Zqxwv Plorkt (2011).mkv")).startsWith("needs_review: TMDB found nothing for 'Zqxwv Plorkt'")
        .doesNotContain("--no-tmdb");
    assertThat(dir.resolve("in/Zqxwv Plorkt (2011).mkv")).exists();
  }

  record Match(Long tmdbId, Double confidence, JsonObject evidence) {}

  private static Match match(String relPath) throws Exception {
    try (var c = DriverManager.getConnection(jdbc); var st = c.prepareStatement("select m.tmdb_id, m.confidence, "
        + "m.evidence::text from media_matches m join videos v on v.id = m.video_id where v.rel_path = ?")) {
      st.setString(1, relPath);
      try (var r = st.executeQuery()) {
        assertThat(r.next()).as("a match stored for " + relPath).isTrue();
        return new Match(r.getObject(1, Long.class), r.getObject(2, Double.class), new JsonObject(r.getString(3)));
      }
    }
  }

  private static String state(String relPath) throws Exception {
    try (var c = DriverManager.getConnection(jdbc);
        var st = c.prepareStatement("select state || ': ' || coalesce(reason, '') from videos where rel_path = ?")) {
      st.setString(1, relPath);
      try (var r = st.executeQuery()) {
        assertThat(r.next()).as("a video row for " + relPath).isTrue();
        return r.getString(1);
      }
    }
  }
}
