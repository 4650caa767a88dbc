package org.videoorganizer.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names of the kinds a new user types, which the public corpora hardly hold (issue 13): titles
 * with " - " subtitles, show identity qualifiers, numbers that are no episodes, foreign season
 * and episode words, absolute anime numbers, extras named by a word, home videos, lower case.
 */
class UnseenNamesTest {
  private static final FilenameParser PARSER = new FilenameParser();

  private static ParsedName parse(String name) {
    return PARSER.parseStrict(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Mission Impossible - Fallout (2018).mkv                | Mission Impossible - Fallout               | 2018 | Mission Impossible
      The Lord of the Rings - The Two Towers (2002).mkv      | The Lord of the Rings - The Two Towers     | 2002 | The Lord of the Rings
      Spider-Man - No Way Home (2021).mkv                    | Spider-Man - No Way Home                   | 2021 | Spider-Man
      Movies/Alien - Covenant (2017)/Alien - Covenant (2017).mkv | Alien - Covenant                       | 2017 | Alien
      spider-man - no way home 2021.mp4                      | Spider-Man - No Way Home                   | 2021 | Spider-Man
      """)
  void readsATitleWithASubtitleAfterADashAsOneTitleAndKeepsTheShortReading(String name, String title, int year,
      String alternative) {
    ParsedName p = parse(name);
    assertThat(p.type()).isEqualTo(MediaType.MOVIE);
    assertThat(p.title()).isEqualTo(title);
    assertThat(p.year()).isEqualTo(year);
    assertThat(p.alternativeTitles()).containsExactly(alternative);
  }

  @Test
  void givesAShowWhoseNameHoldsADashBothReadings() {
    ParsedName p = parse("The Walking Dead - Dead City - 2x09.mkv");
    assertThat(p.type()).isEqualTo(MediaType.EPISODE);
    assertThat(p.title()).isEqualTo("The Walking Dead");
    assertThat(p.alternativeTitles()).containsExactly("The Walking Dead - Dead City");
    assertThat(p.seasons()).containsExactly(2);
    assertThat(p.episodes()).containsExactly(9);
  }

  @Test
  void keepsCountryAndYearQualifiersOfAShow() {
    ParsedName office = parse("The.Office.US.S02E03.720p.HDTV.x264-GRP.mkv");
    assertThat(office.title()).isEqualTo("The Office");
    assertThat(office.country()).isEqualTo("US");
    ParsedName who = parse("Doctor Who 2005 S01E01.mkv");
    assertThat(who.title()).isEqualTo("Doctor Who");
    assertThat(who.year()).isEqualTo(2005);
    assertThat(who.seasons()).containsExactly(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Show S01E01 1920x910.mkv                       | 1 | 1
      Show.Name.S03E07.1280x536.x265.mkv             | 3 | 7
      Show S01.E.01.mkv                              | 1 | 1
      Show S01 E02.mkv                               | 1 | 2
      Show S41 E10478.mkv                            | 41 | 10478
      Show - Temporada 2 [Cap.208].mkv               | 2 | 8
      Show - Temporada 2 [Cap.408].mkv               | 2 | 8
      Show Stagione 1 Episodio 3.mkv                 | 1 | 3
      Show Staffel 2 Folge 5.mkv                     | 2 | 5
      Show Saison 3 Episode 4.mkv                    | 3 | 4
      Show Temporada 2 Capitulo 5.avi                | 2 | 5
      Шоу Сезон 1 Серия 5.mkv                        | 1 | 5
      Шоу / Show S01E02.mkv                          | 1 | 2
      Шоу / Show - 1x02 [1080p].mkv                  | 1 | 2
      """)
  void readsOneSeasonAndEpisodeWhereNumbersAreWrittenApartOrBesideResolutions(String name, int season, int episode) {
    ParsedName p = parse(name);
    assertThat(p.type()).isEqualTo(MediaType.EPISODE);
    assertThat(p.seasons()).containsExactly(season);
    assertThat(p.episodes()).containsExactly(episode);
    assertThat(p.year()).isNull();
  }

  @Test
  void keepsBothNamesOfADualLanguageName() {
    ParsedName p = parse("Шоу / Show S01E02.mkv");
    assertThat(p.title()).isEqualTo("Шоу");
    assertThat(p.alternativeTitles()).containsExactly("Show");
  }

  @Test
  void readsANumberAfterADashAsAnAbsoluteEpisode() {
    ParsedName p = parse("One Piece - 1071 [1080p].mkv");
    assertThat(p.title()).isEqualTo("One Piece");
    assertThat(p.absoluteEpisodes()).containsExactly(1071);
    assertThat(p.seasons()).isEmpty();
    assertThat(p.episodes()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      alien 1979 trailer.mp4                   | TRAILER    | Alien
      Alien (1979) Official Trailer.mp4        | TRAILER    | Alien
      Alien Teaser 1979.mp4                    | TRAILER    | Alien
      Heat.1995.1080p.featurette.mkv           | FEATURETTE | Heat
      Heat 1995 sample.mkv                     | SAMPLE     | Heat
      """)
  void findsExtrasNamedByAWordAnywhere(String name, ExtraType extra, String title) {
    ParsedName p = parse(name);
    assertThat(p.extra()).isEqualTo(extra);
    assertThat(p.title()).isEqualTo(title);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Trailer Park Boys S01E01.mkv
      Free Sample (2012).mkv
      I Live In A Trailer.mp4
      """)
  void leavesExtraWordsThatBelongToTheTitle(String name) {
    assertThat(parse(name).extra()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Home movies/Vacation Hawaii July 2015.mov | UNKNOWN
      Vacation Hawaii July 2015.mov             | UNKNOWN
      Family/Wedding 2019/Wedding Rome.mp4      | UNKNOWN
      Born on the Fourth of July 1989.mkv       | MOVIE
      Movies/Heat (1995)/Heat (1995).mkv        | MOVIE
      """)
  void readsHomeVideosAsOther(String name, MediaType type) {
    assertThat(parse(name).type()).isEqualTo(type);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      game of thrones s01e01.mkv          | Game of Thrones
      the lord of the rings 2001.mkv      | The Lord of the Rings
      iZombie S01E01.mkv                  | iZombie
      """)
  void writesAllLowerCaseNamesInTitleCase(String name, String title) {
    assertThat(parse(name).title()).isEqualTo(title);
  }
}
