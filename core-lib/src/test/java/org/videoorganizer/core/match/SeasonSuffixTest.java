package org.videoorganizer.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeasonSuffixTest {

  @ParameterizedTest(name = "''{0}'' is season {2} of ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "Mob Psycho 100 II | Mob Psycho 100 | 2",
      "Kaguya-sama 2nd Season | Kaguya-sama | 2",
      "Attack on Titan Season 3 | Attack on Titan | 3",
      "Shingeki no Kyojin S3 | Shingeki no Kyojin | 3",
      "Overlord IV | Overlord | 4",
      "進撃の巨人 第3期 | 進撃の巨人 | 3",
  })
  void seasonSuffixIsSplitOff(String title, String base, int season) {
    assertThat(SeasonSuffix.split(title)).contains(new SeasonSuffix.Split(base, season));
  }

  @ParameterizedTest(name = "''{0}'' has no season suffix")
  @ValueSource(strings = {"Halloween III Season of the Witch", "S.W.A.T.", "Rocky", "Season 2", "Breaking Bad"})
  void otherNamesAreLeftAlone(String title) {
    assertThat(SeasonSuffix.split(title)).isEmpty();
  }
}
