package org.videoorganizer.core.nfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.videoorganizer.core.nfo.NfoContent.Kind;

class NfoReaderTest {

  private final NfoReader reader = NfoReader.create();

  private NfoContent read(String name) throws IOException, URISyntaxException {
    return reader.read(Path.of(getClass().getResource("/nfo/existing/" + name).toURI())).orElseThrow();
  }

  @Test
  void readsTitlesYearAndIdsOfAKodiMovieButNotNestedNames() throws Exception {
    NfoContent c = read("kodi-movie.nfo");
    assertThat(c.kind()).isEqualTo(Kind.MOVIE);
    assertThat(c.title()).isEqualTo("Amélie");
    assertThat(c.originalTitle()).isEqualTo("Le Fabuleux Destin d'Amélie Poulain");
    assertThat(c.year()).isEqualTo(2001);
    assertThat(c.imdbId()).isEqualTo("tt0211915");
    assertThat(c.tmdbId()).isEqualTo(194L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      "url-tmdb-movie.nfo, MOVIE,   603,  -,         -",
      "url-imdb.nfo,       UNKNOWN, -,    tt0110912, -",
      "url-tmdb-tv.nfo,    TVSHOW,  1396, -,         -",
      "url-tvdb.nfo,       TVSHOW,  -,    -,         81189",
      "xml-then-url.nfo,   MOVIE,   949,  -,         -",
      "broken.nfo,         UNKNOWN, -,    -,         -",
  })
  void takesIdsFromNfosThatHoldOnlyAUrl(String file, Kind kind, Long tmdb, String imdb, Long tvdb) throws Exception {
    Path p = Path.of(getClass().getResource("/nfo/existing/" + file).toURI());
    Optional<NfoContent> c = reader.read(p);
    if (tmdb == null && imdb == null && tvdb == null) {
      assertThat(c).as("a file that is neither XML nor a link says nothing").isEmpty();
      return;
    }
    assertThat(c.orElseThrow().kind()).isEqualTo(kind);
    assertThat(List.of(String.valueOf(c.get().tmdbId()), String.valueOf(c.get().imdbId()), String.valueOf(c.get().tvdbId())))
        .containsExactly(String.valueOf(tmdb), String.valueOf(imdb), String.valueOf(tvdb));
  }

  @Test
  void keepsTheXmlTitleWhenAUrlFollowsTheClosingTag() throws Exception {
    assertThat(read("xml-then-url.nfo").title()).isEqualTo("Heat");
  }

  @Test
  void readsEveryEpisodeOfAMultiEpisodeNfoAndTheFirstBlocksData() throws Exception {
    NfoContent c = read("multi-episode.nfo");
    assertThat(c.kind()).isEqualTo(Kind.EPISODE);
    assertThat(c.title()).isEqualTo("Rising (1)");
    assertThat(c.showTitle()).isEqualTo("Stargate Atlantis");
    assertThat(c.season()).isEqualTo(1);
    assertThat(c.episodes()).containsExactly(1, 2);
    assertThat(c.aired()).hasToString("2004-07-16");
    assertThat(c.tvdbId()).isEqualTo(306340L);
  }

  @Test
  void readsSeriesIdsIncludingImdbUnderscoreId() throws Exception {
    NfoContent c = read("tvshow-ids.nfo");
    assertThat(c.kind()).isEqualTo(Kind.TVSHOW);
    assertThat(List.<Object>of(c.title(), c.year(), c.tmdbId(), c.tvdbId(), c.imdbId()))
        .containsExactly("Breaking Bad", 2008, 1396L, 81189L, "tt0903747");
  }

  @Test
  void neverResolvesExternalEntities() throws Exception {
    NfoContent c = read("xxe.nfo");
    assertThat(c.title()).isEqualTo("Safe");
    assertThat(c.tmdbId()).isEqualTo(12L);
  }

  @Test
  void saysNothingForAFileWithoutTitleOrIds() throws Exception {
    Path p = Path.of(getClass().getResource("/nfo/existing/nothing.nfo").toURI());
    assertThat(reader.read(p)).isEmpty();
    assertThat(reader.parse("")).isEmpty();
    assertThat(reader.parse("<movie><plot>only a plot</plot></movie>")).isEmpty();
  }

  @Test
  void doesNotReadAFileLargerThanOneMebibyte(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.nfo");
    Files.writeString(big, "<movie><title>X</title><tmdbid>1</tmdbid></movie>" + " ".repeat(1 << 20));
    assertThat(reader.read(big)).isEmpty();
  }

  @Test
  void theLastOfTwoIdElementsWinsAsInJellyfin() {
    NfoContent c = reader.parse("<movie><uniqueid type=\"tmdb\">1</uniqueid><tmdbid>2</tmdbid></movie>").orElseThrow();
    assertThat(c.tmdbId()).isEqualTo(2L);
  }
}
