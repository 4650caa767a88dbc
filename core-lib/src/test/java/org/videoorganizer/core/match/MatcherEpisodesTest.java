package org.videoorganizer.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.videoorganizer.core.parse.MediaType;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;

/** Shows and episodes against the fake catalog, with ParsedName built by hand. */
class MatcherEpisodesTest {

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

  static ParsedName.Builder episode(String show, Integer season, Integer... episodes) {
    return ParsedName.builder().type(MediaType.EPISODE).title(show)
        .seasons(season == null ? List.of() : List.of(season)).episodes(List.of(episodes));
  }

  static Identity matched(ParsedName name) {
    MatchResult result = matcher.match(name);
    assertThat(result).as(String.join("\n", result.evidence())).isInstanceOf(MatchResult.Matched.class);
    return result.matchedIdentity().orElseThrow();
  }

  @Test
  void episodeBySeasonAndNumberCarriesItsTitle() {
    Identity id = matched(episode("Breaking Bad", 2, 3).build());
    assertThat(id.tmdbId()).isEqualTo(1396);
    assertThat(id.season()).isEqualTo(2);
    assertThat(id.episodes()).containsExactly(3);
    assertThat(id.episodeTitle()).isEqualTo("Episode 3");
  }

  @Test
  void yearInTheShowNameChoosesTheRevival() {
    assertThat(matched(episode("Doctor Who", 1, 1).year(2005).build()).tmdbId()).isEqualTo(57243);
    assertThat(matched(episode("Doctor Who (2005)", 2, 4).build()).tmdbId()).isEqualTo(57243);
    assertThat(matched(episode("Doctor Who", 1, 1).year(1963).build()).tmdbId()).isEqualTo(121);
  }

  @Test
  void sameNameShowsWithoutAYearGoToReview() {
    MatchResult result = matcher.match(episode("Doctor Who", 1, 1).build());
    assertThat(result).isInstanceOf(MatchResult.Review.class);
  }

  @Test
  void countryQualifierPicksTheShow() {
    assertThat(matched(episode("The Office US", 2, 1).build()).tmdbId()).isEqualTo(2316);
    assertThat(matched(episode("The Office (UK)", 1, 1).build()).tmdbId()).isEqualTo(2996);
  }

  @Test
  void showWhoseNameIsAYearIsFound() {
    assertThat(matched(episode("1923", 1, 2).build()).tmdbId()).isEqualTo(157744);
  }

  @Test
  void dailyShowByAirDate() {
    Identity id = matched(ParsedName.builder().type(MediaType.EPISODE).title("The Daily Show")
        .date(LocalDate.of(2023, 1, 10)).build());
    assertThat(id.tmdbId()).isEqualTo(2224);
    assertThat(id.season()).isEqualTo(28);
    assertThat(id.episodes()).containsExactly(2);
  }

  @Test
  void dailyShowOnADayWithoutEpisodeGoesToReview() {
    MatchResult result = matcher.match(ParsedName.builder().type(MediaType.EPISODE).title("The Daily Show")
        .date(LocalDate.of(2023, 1, 14)).build());
    assertThat(result).isInstanceOfSatisfying(MatchResult.Review.class,
        r -> assertThat(r.reason()).contains("no episode of The Daily Show aired on 2023-01-14"));
  }

  @Test
  void absoluteNumberGoesThroughTheAbsoluteGroup() {
    Identity id = matched(ParsedName.builder().type(MediaType.EPISODE).title("Shingeki no Kyojin")
        .absoluteEpisodes(List.of(30)).build());
    assertThat(id.tmdbId()).isEqualTo(1429);
    assertThat(id.season()).isEqualTo(2);
    assertThat(id.episodes()).containsExactly(5);
  }

  @Test
  void seasonInTheShowNameIsASeasonOfTheParentShow() {
    Identity id = matched(episode("Shingeki no Kyojin 3rd Season", null, 5).build());
    assertThat(id.tmdbId()).isEqualTo(1429);
    assertThat(id.season()).isEqualTo(3);
    assertThat(id.episodes()).containsExactly(5);
  }

  @Test
  void bareEpisodeNumberOfAnimeIsAbsolute() {
    Identity id = matched(episode("One Piece", null, 100).build());
    // seasons of 61, 16 and 14 episodes come first: 100 = 61 + 16 + 14 + 9
    assertThat(id.season()).isEqualTo(4);
    assertThat(id.episodes()).containsExactly(9);
  }

  @Test
  void episodeBeyondTheSeasonGoesToReview() {
    MatchResult result = matcher.match(episode("Breaking Bad", 1, 12).build());
    assertThat(result).isInstanceOfSatisfying(MatchResult.Review.class,
        r -> assertThat(r.reason()).contains("no episode S1E12").contains("season 1 has 7"));
  }

  @Test
  void tvdbIdInTheNameFindsTheShow() {
    assertThat(matched(episode("BB", 1, 1).tvdbId(81189L).build()).tmdbId()).isEqualTo(1396);
  }

  @Test
  void multiEpisodeFileKeepsAllNumbers() {
    assertThat(matched(episode("Game of Thrones", 1, 1, 2).build()).episodes()).containsExactly(1, 2);
  }
}
