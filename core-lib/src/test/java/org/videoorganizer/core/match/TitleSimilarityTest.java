package org.videoorganizer.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleSimilarityTest {

  @ParameterizedTest(name = "''{0}'' and ''{1}'' share a key")
  @CsvSource(delimiter = '|', value = {
      "The Matrix | Matrix, The",
      "Matrix The | the matrix",
      "Rocky II | Rocky 2",
      "Cats & Dogs | Cats and Dogs",
      "Amélie | Amelie",
      "Schindler's List | Schindlers List",
      "Spider-Man | Spider Man",
      "Mission: Impossible - Fallout | Mission Impossible Fallout",
      "Ocean's Eleven | Oceans 11",
      "Pan’s Labyrinth | Pans Labyrinth",
      "Straße | Strasse",
  })
  void spellingsThatMeanTheSameTitleShareAKey(String a, String b) {
    assertThat(TitleNormalizer.key(a)).isEqualTo(TitleNormalizer.key(b));
    assertThat(TitleSimilarity.of(TitleNormalizer.key(a), b)).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "''{0}'' against ''{1}'' scores {2}")
  @CsvSource(delimiter = '|', value = {
      "Doctor Who | Doctor Who (2005) | 0.97",
      "The Office | The Office (US) | 0.97",
      "Mad Max | Mad Max: Fury Road | 0.8",
      "RoboCop | RoboCop 2 | 0.6",
      "Saw | Saw 3D | 0.6",
  })
  void qualifiersSubtitlesAndNumbersScoreBelowAnEqualTitle(String file, String candidate, double score) {
    assertThat(TitleSimilarity.of(TitleNormalizer.key(file), candidate)).isLessThanOrEqualTo(score);
  }

  @ParameterizedTest(name = "''{0}'' is searched as ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "Matrix, The | The Matrix",
      "Matrix The | The Matrix",
      "Cats.and_Dogs | Cats and Dogs",
      "  Alien   3 | Alien 3",
  })
  void queriesAreUninvertedAndSeparatorsBecomeSpaces(String title, String query) {
    assertThat(TitleNormalizer.query(title)).isEqualTo(query);
  }

  @ParameterizedTest(name = "Dice of ''{0}'' and ''{1}''")
  @CsvSource({"night, nacht, 0.25", "abc, abc, 1.0", "a, b, 0.0"})
  void diceCountsSharedLetterPairs(String a, String b, double expected) {
    assertThat(TitleSimilarity.dice(a, b)).isEqualTo(expected);
  }
}
