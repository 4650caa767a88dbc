package org.videoorganizer.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.videoorganizer.core.parse.MediaType;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;

/** Films against the fake catalog, with ParsedName built by hand (no parser involved). */
class MatcherMoviesTest {

  static FakeTmdbServer tmdb;
  static Matcher matcher;

  @BeforeAll
  static void start() {
    tmdb = FakeTmdbServer.start();
    matcher = Matcher.builder(TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY)
        .requestsPerSecond(10_000).build()).build();
  }

  @AfterAll
  static void stop() {
    tmdb.close();
  }

  static ParsedName film(String title, Integer year) {
    return ParsedName.builder().type(MediaType.MOVIE).title(title).year(year).build();
  }

  @ParameterizedTest(name = "{0} ({1}) is film {2}")
  @CsvSource({
      "RoboCop, 2014, 97020",
      "RoboCop, 1987, 5548",
      "Robocop, 2013, 97020",
      "Mulan, 2020, 337401",
      "Hercules, 2014, 184315",
      "Cinderella, 2015, 150689",
      "Lincoln, 2012, 72976",
      "Max, 2015, 272878",
      "Gold, 2016, 339967",
      "Saw 3D, 2010, 41439",
      "The Thing, 1982, 1091",
      "Matrix The, 1999, 603",
      "'Matrix, The', 1999, 603",
      "Rocky 2, 1979, 1366",
      "Cats and Dogs, 2001, 10045",
      "Le Fabuleux Destin d'Amelie Poulain, 2001, 194",
      "Die fabelhafte Welt der Amelie, 2001, 194",
      "Sen to Chihiro no Kamikakushi, 2001, 129",
      "Leon, 1994, 101",
      "Oldboy, 2003, 670",
      "Oldboy, 2013, 87516",
      "The Hunger, 1983, 11863",
      "It, 2017, 346364",
      "1917, 2019, 530915",
      "Dune, 2021, 438631",
  })
  void filmWithYearIsMatched(String title, int year, long id) {
    MatchResult result = matcher.match(film(title, year));
    assertThat(result).as(result.evidence().toString()).isInstanceOf(MatchResult.Matched.class);
    assertThat(result.matchedIdentity().orElseThrow().tmdbId()).isEqualTo(id);
    assertThat(result.confidence()).isGreaterThanOrEqualTo(0.85);
  }

  @ParameterizedTest(name = "{0} without a year asks")
  @CsvSource({"RoboCop", "King Kong", "The Thing", "Halloween", "Oldboy"})
  void remakeWithoutYearGoesToReview(String title) {
    MatchResult result = matcher.match(film(title, null));
    assertThat(result).isInstanceOfSatisfying(MatchResult.Review.class, r -> {
      assertThat(r.reason()).contains("almost equally good");
      assertThat(r.candidates()).hasSizeGreaterThanOrEqualTo(2);
    });
  }

  @Test
  void remakeWithoutYearIsSettledByTheFilesDuration() {
    MatchResult result = matcher.match(film("RoboCop", null), Optional.of(Duration.ofMinutes(117)));
    assertThat(result.matchedIdentity()).map(Identity::tmdbId).contains(97020L);
    assertThat(result.evidence()).anyMatch(e -> e.contains("runtime 117 min"));
  }

  @Test
  void uniqueTitleWithoutYearIsMatched() {
    assertThat(matcher.match(film("Forrest Gump", null)).matchedIdentity()).map(Identity::tmdbId).contains(13L);
  }

  @Test
  void titleTmdbDoesNotKnowIsNone() {
    MatchResult result = matcher.match(film("Zzyzx Qwrtp Unfilmable", 2003));
    assertThat(result).isInstanceOf(MatchResult.NoMatch.class);
    assertThat(result.decision()).isEqualTo("none");
  }

  @Test
  void tmdbIdInTheNameIsTrustedWithoutSearching() {
    tmdb.resetCounters();
    var name = film("whatever", null).toBuilder().tmdbId(97020L).build();
    MatchResult result = matcher.match(name);
    assertThat(result.matchedIdentity()).map(Identity::title).contains("RoboCop");
    assertThat(tmdb.requests()).allMatch(r -> r.startsWith("/3/movie/97020"));
  }

  @Test
  void imdbIdInTheNameGoesThroughFind() {
    var name = film("Terminator", null).toBuilder().imdbId("tt0088247").build();
    assertThat(matcher.match(name).matchedIdentity()).map(Identity::tmdbId).contains(218L);
  }

  @Test
  void movieWithYearNeedsOneRequestWhenTheTitleIsExact() {
    var fresh = Matcher.builder(TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY).build()).build();
    tmdb.resetCounters();
    fresh.match(film("Total Recall", 2012));
    assertThat(tmdb.requests()).containsExactly("/3/search/movie?page=1&query=Total Recall&year=2012");
  }

  @Test
  void evidenceNamesTheSearchesAndTheCandidates() {
    MatchResult result = matcher.match(film("RoboCop", 2014));
    assertThat(result.evidence()).anyMatch(e -> e.startsWith("search movie 'RoboCop' year=2014"))
        .anyMatch(e -> e.startsWith("candidate RoboCop (2014) [movie 97020]"))
        .anyMatch(e -> e.startsWith("accepted"));
  }
}
