package org.videoorganizer.core.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;

class TmdbClientTest {

  static FakeTmdbServer tmdb;

  @BeforeAll
  static void startFake() {
    tmdb = FakeTmdbServer.start();
  }

  @AfterAll
  static void stopFake() {
    tmdb.close();
  }

  @BeforeEach
  void resetCounters() {
    tmdb.resetCounters();
  }

  private TmdbClient client() {
    return TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY).build();
  }

  @Test
  void yearLetsReReleasesThroughButPrimaryReleaseYearDoesNot() {
    var withYear = client().searchMovies("RoboCop", 2014, null, 1);
    assertThat(withYear.results()).extracting(MovieSummary::id).contains(5548L, 97020L);
    var primary = client().searchMovies("RoboCop", null, 2014, 1);
    assertThat(primary.results()).extracting(MovieSummary::id).containsExactly(97020L);
    assertThat(primary.results().get(0).releaseDate()).isEqualTo(LocalDate.of(2014, 1, 30));
  }

  @Test
  void aBaseUrlGivenWithItsApiVersionIsNotVersionedTwice() {
    var versioned = TmdbClient.builder().baseUrl(tmdb.baseUrl() + "/3/").apiKey(FakeTmdbServer.API_KEY).build();
    assertThat(versioned.searchMovies("RoboCop", null, 2014, 1).results())
        .extracting(MovieSummary::id).containsExactly(97020L);
  }

  @Test
  void searchPagesHoldTwentyResultsAndPastTheEndIsEmpty() {
    var first = client().searchMovies("the", null, null, 1);
    assertThat(first.results()).hasSize(20);
    assertThat(first.hasMore()).isTrue();
    var past = client().searchMovies("the", null, null, first.totalPages() + 1);
    assertThat(past.results()).isEmpty();
  }

  @Test
  void searchFindsOriginalAndAlternativeTitlesWithAccentsFolded() {
    assertThat(client().searchMovies("Le Fabuleux Destin d Amelie Poulain", null, null, 1).results())
        .extracting(MovieSummary::id).contains(194L);
    assertThat(client().searchMovies("Die fabelhafte Welt der Amelie", null, null, 1).results())
        .extracting(MovieSummary::id).containsExactly(194L);
  }

  @Test
  void tvSearchFiltersOnFirstAirDateYear() {
    var page = client().searchTv("Doctor Who", 2005, 1);
    assertThat(page.results()).extracting(TvSummary::id).containsExactly(57243L);
  }

  @Test
  void multiSearchReturnsFilmsAndShows() {
    var page = client().searchMulti("Hunter", 1);
    assertThat(page.results()).hasAtLeastOneElementOfType(MovieSummary.class)
        .hasAtLeastOneElementOfType(TvSummary.class);
  }

  @Test
  void movieDetailsCarryAlternativeTitlesReleaseDatesAndImdbId() {
    MovieDetails robocop = client().movie(5548).orElseThrow();
    assertThat(robocop.imdbId()).isEqualTo("tt0093870");
    assertThat(robocop.runtime()).isEqualTo(102);
    assertThat(robocop.releaseDates()).extracting(LocalDate::getYear).contains(1987, 2014);
    assertThat(client().movie(129).orElseThrow().alternativeTitles()).contains("Sen to Chihiro no Kamikakushi");
  }

  @Test
  void unknownIdsAreEmptyNotErrors() {
    assertThat(client().movie(999_999_999L)).isEmpty();
    assertThat(client().tv(999_999_999L)).isEmpty();
    assertThat(client().season(1396, 42)).isEmpty();
    assertThat(client().episodeGroup("abc123")).isEmpty();
  }

  @Test
  void notFoundIsRememberedLikeAnAnswer() {
    var client = client();
    assertThat(client.season(1396, 42)).isEmpty();
    assertThat(client.season(1396, 42)).isEmpty();
    assertThat(tmdb.requestCount()).isEqualTo(1);
  }

  @Test
  void tvDetailsSeasonsEpisodesAndAbsoluteGroup() {
    TvDetails aot = client().tv(1429).orElseThrow();
    assertThat(aot.seasons()).extracting(TvDetails.SeasonSummary::seasonNumber).containsExactly(0, 1, 2, 3, 4);
    assertThat(aot.episodeGroups()).singleElement().matches(EpisodeGroupSummary::isAbsolute);
    EpisodeGroup group = client().episodeGroup(aot.episodeGroups().get(0).id()).orElseThrow();
    assertThat(group.groups().get(1).episodes().get(0).seasonNumber()).isEqualTo(2);
    Season s2 = client().season(1429, 2).orElseThrow();
    assertThat(s2.episodes()).hasSize(12);
    assertThat(client().episode(1429, 2, 3).orElseThrow().airDate()).isEqualTo(LocalDate.of(2017, 4, 15));
  }

  @Test
  void findByImdbAndTvdbIds() {
    assertThat(client().find("tt0088247", ExternalSource.IMDB).movies()).extracting(MovieSummary::id)
        .containsExactly(218L);
    assertThat(client().find("81189", ExternalSource.TVDB).shows()).extracting(TvSummary::id)
        .containsExactly(1396L);
    assertThat(client().find("tt0000001", ExternalSource.IMDB).isEmpty()).isTrue();
  }

  @Test
  void bearerTokenWorksLikeTheApiKey() {
    var client = TmdbClient.builder().baseUrl(tmdb.baseUrl()).bearerToken(FakeTmdbServer.TOKEN).build();
    assertThat(client.configuration().secureBaseUrl()).isEqualTo("https://image.tmdb.org/t/p/");
    assertThat(tmdb.requests()).singleElement().asString().doesNotContain("api_key");
  }

  @Test
  void secondIdenticalRequestIsServedFromMemory() {
    var client = client();
    client.searchTv("Breaking Bad", null, 1);
    client.searchTv("Breaking Bad", null, 1);
    assertThat(tmdb.requestCount()).isEqualTo(1);
    assertThat(client.stats()).isEqualTo(new TmdbClient.Stats(1, 1, 0, 0));
  }

  @Test
  void diskCacheLetsASecondClientAskNothing(@TempDir Path dir) {
    var first = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY)
        .diskCache(dir, Duration.ofDays(1)).build();
    first.movie(603);
    first.searchMovies("Matrix", 1999, null, 1);
    var second = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY)
        .diskCache(dir, Duration.ofDays(1)).build();
    assertThat(second.movie(603).orElseThrow().title()).isEqualTo("The Matrix");
    assertThat(second.searchMovies("Matrix", 1999, null, 1).results()).isNotEmpty();
    assertThat(tmdb.requestCount()).isEqualTo(2);
    assertThat(second.stats().diskHits()).isEqualTo(2);
  }

  @Test
  void misuseIsRejectedWithTheRuleAndTheValue() {
    assertThatThrownBy(() -> client().searchMovies(" ", null, null, 1)).hasMessageContaining("blank");
    assertThatThrownBy(() -> client().searchMovies("x", 99, null, 1)).hasMessageContaining("four digits").hasMessageContaining("99");
    assertThatThrownBy(() -> client().searchMovies("x", null, null, 501)).hasMessageContaining("501");
    assertThatThrownBy(() -> TmdbClient.builder().baseUrl("ftp://x").apiKey("k").build()).hasMessageContaining("ftp://x");
    assertThatThrownBy(() -> TmdbClient.builder().build()).hasMessageContaining("credentials");
    assertThatThrownBy(() -> TmdbClient.builder().requestsPerSecond(0)).hasMessageContaining("got 0.0");
  }
}
