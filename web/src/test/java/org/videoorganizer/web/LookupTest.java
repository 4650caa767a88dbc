package org.videoorganizer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LookupTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://www.themoviedb.org/movie/603-the-matrix | any | TmdbId[kind=movie, id=603]",
      "themoviedb.org/tv/1399 | any | TmdbId[kind=tv, id=1399]",
      "https://www.themoviedb.org/tv/1396-breaking-bad/season/1 | movie | TmdbId[kind=tv, id=1396]",
      "603 | any | TmdbId[kind=movie, id=603]",
      "1399 | tv | TmdbId[kind=tv, id=1399]",
      "tt0133093 | any | ImdbId[id=tt0133093]",
      "https://www.imdb.com/title/tt0944947/?ref_=nv | any | ImdbId[id=tt0944947]",
      "m.imdb.com/title/tt0133093 | any | ImdbId[id=tt0133093]",
      "The Matrix | movie | Title[text=The Matrix, year=null, kind=movie]",
      "https://example.org/movie/603 | any | Title[text=https://example.org/movie/603, year=null, kind=any]",
      "tt12 | any | Title[text=tt12, year=null, kind=any]",
  })
  void readsWhatWasTyped(String typed, String kind, String expected) {
    assertThat(Lookup.parse(typed, null, kind).toString()).isEqualTo(expected);
  }

  @Test
  void anEmptySearchOrAnUnknownKindIsRefusedWithWhatToType() {
    assertThatThrownBy(() -> Lookup.parse("  ", null, "any")).hasMessageContaining("type a title");
    assertThatThrownBy(() -> Lookup.parse("x", null, "music")).hasMessageContaining("movie, tv or any");
  }
}
