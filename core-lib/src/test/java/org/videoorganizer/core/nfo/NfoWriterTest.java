package org.videoorganizer.core.nfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.videoorganizer.core.naming.MediaIdentity;
import org.xml.sax.InputSource;

/**
 * NFO output compared byte for byte with golden files in src/test/resources/nfo/golden. To
 * accept a deliberate change, run with -Dnfo.updateGolden=true and review the diff.
 */
class NfoWriterTest {

  private final NfoWriter writer = NfoWriter.defaults();
  private final MediaIdentity matrix = MediaIdentity.movie("The Matrix", 1999).withIds(603L, "tt0133093", null);
  private final MediaIdentity stargate =
      MediaIdentity.episode("Stargate Atlantis", 2004, 1, List.of(1, 2)).withIds(2290L, "tt0374455", 70851L);

  @Test
  void writesAMovieWithUniqueIdsAndTheFirstAsDefault() throws Exception {
    var details = new NfoDetails("The Matrix", "A hacker learns the truth & more.", LocalDate.of(1999, 3, 30), 136);
    golden("movie.nfo", writer.movie(matrix, details));
  }

  @Test
  void writesAHomeVideoWithItsTitleAndTheDayItWasTaken() throws Exception {
    var home = MediaIdentity.other("Birthday at the lake", null).withAirDate(java.time.LocalDate.of(2019, 7, 14));
    golden("other.nfo", writer.other(home));
  }

  @Test
  void writesLockDataWhenAsked() throws Exception {
    golden("movie-locked.nfo", NfoWriter.withLockData(true).movie(MediaIdentity.movie("Heat", 1995), NfoDetails.none()));
  }

  @Test
  void writesATvShowWithTmdbTvdbAndImdbIds() throws Exception {
    golden("tvshow.nfo", writer.tvshow(stargate, NfoDetails.none()));
  }

  @Test
  void writesASeasonAndCallsSeasonZeroSpecials() throws Exception {
    golden("season.nfo", writer.season(stargate));
    assertThat(writer.season(stargate.withTitle("X").withEpisodeTitle(null)))
        .contains("<seasonnumber>1</seasonnumber>");
    var special = MediaIdentity.episode("Show", null, 0, List.of(3));
    assertThat(writer.season(special)).contains("<title>Specials</title>", "<seasonnumber>0</seasonnumber>");
  }

  @Test
  void writesOneEpisodeDetailsBlockPerEpisodeOfAMultiEpisodeFile() throws Exception {
    var id = stargate.withEpisodeTitle("Rising (1) / Rising (2)");
    golden("episode-multi.nfo", writer.episode(id, NfoDetails.none()));
  }

  @Test
  void writesADailyEpisodeWithItsAirDate() throws Exception {
    var daily = new MediaIdentity(MediaIdentity.Kind.EPISODE, "The Daily Show", null, null, null, null,
        null, List.of(), "Guest", LocalDate.of(2023, 7, 14), null, null, null, null, null);
    golden("episode-daily.nfo", writer.episode(daily, NfoDetails.none()));
  }

  @Test
  void staysWellFormedForQuotesAmpersandsAndCharactersXmlForbids() throws Exception {
    String nasty = "Tom & \"Jerry\" <3 it's\u0000\u0001\u0008\u000b\u001f\ufffe\ud800 ok 😀";
    String xml = writer.movie(MediaIdentity.movie(nasty, 2001), new NfoDetails(null, "line1\nline2\ttab", null, null));
    golden("movie-hostile-title.nfo", xml);
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Tom & \"Jerry\" <3 it's\ufffd ok 😀");
    assertThat(NfoReader.create().parse(xml).orElseThrow().title()).isEqualTo("Tom & \"Jerry\" <3 it's\ufffd ok 😀");
  }

  @Test
  void refusesAnIdentityOfTheWrongKind() {
    assertThatThrownBy(() -> writer.tvshow(matrix, NfoDetails.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EPISODE identity; got MOVIE");
  }

  @Test
  void everyWrittenNfoReadsBackWithItsIds() {
    NfoReader reader = NfoReader.create();
    NfoContent movie = reader.parse(writer.movie(matrix, NfoDetails.none())).orElseThrow();
    assertThat(movie.kind()).isEqualTo(NfoContent.Kind.MOVIE);
    assertThat(List.of(movie.title(), movie.year(), movie.tmdbId(), movie.imdbId()))
        .containsExactly("The Matrix", 1999, 603L, "tt0133093");
    NfoContent show = reader.parse(writer.tvshow(stargate, NfoDetails.none())).orElseThrow();
    assertThat(show.tvdbId()).isEqualTo(70851L);
    NfoContent ep = reader.parse(writer.episode(stargate, NfoDetails.none())).orElseThrow();
    assertThat(ep.episodes()).containsExactly(1, 2);
    assertThat(ep.showTitle()).isEqualTo("Stargate Atlantis");
  }

  private static void golden(String name, String actual) throws IOException {
    Path source = Path.of("src/test/resources/nfo/golden", name);
    if (Boolean.getBoolean("nfo.updateGolden")) {
      Files.writeString(source, actual, StandardCharsets.UTF_8);
    }
    try (InputStream in = NfoWriterTest.class.getResourceAsStream("/nfo/golden/" + name)) {
      assertThat(in).as("golden file %s (create it with -Dnfo.updateGolden=true)", name).isNotNull();
      assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
