package org.videoorganizer.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.parse.MediaType;
import org.videoorganizer.core.parse.ParsedName;

/**
 * Parsing the path naming produces gives back the identity: title, year, season and episodes,
 * and for movies the TMDB id, part and edition (series folder ids are not read back by the
 * parser today, so they are not checked for episodes).
 * Titles are drawn from ordinary words (with accents, apostrophes, ampersands and numbers
 * inside titles); characters naming must replace (":", "/", "?") are covered by the table tests.
 */
class NamingRoundTripProperties {

  private static final FilenameParser PARSER = new FilenameParser();
  private static final List<String> WORDS = List.of("Love", "Night", "River", "Blue", "Empire", "Dark",
      "City", "Ghost", "Garden", "Summer", "Winter", "Stranger", "Queen", "King", "Little", "House",
      "Amélie", "Ocean's", "Tom", "Jerry", "&", "Of", "The", "A", "Last", "First", "Road", "Star",
      "Wars", "Breaking", "Bad", "Lost", "Friends", "Office", "Mad", "Men", "Sopranos", "Wire",
      "Crown", "Dragon", "Café", "Straße", "Bridge", "Jackson", "Lisa", "Max", "Mountain", "Red");

  @Provide
  Arbitrary<String> titles() {
    return WORDS.stream().collect(java.util.stream.Collectors.collectingAndThen(
        java.util.stream.Collectors.toList(), Arbitraries::of))
        .list().ofMinSize(1).ofMaxSize(5)
        .filter(ws -> !ws.getFirst().equals("&") && !ws.getLast().equals("&"))
        .map(ws -> String.join(" ", ws));
  }

  @Provide
  Arbitrary<MediaIdentity> movies() {
    return Combinators.combine(titles(), Arbitraries.integers().between(1920, 2030).injectNull(0.2),
        Arbitraries.longs().between(1, 2_000_000).injectNull(0.3), Arbitraries.integers().between(1, 4).injectNull(0.7),
        Arbitraries.of("Director's Cut", "Extended", "Unrated", "Theatrical").injectNull(0.7))
        .as((t, y, id, part, edition) -> MediaIdentity.movie(t, y).withIds(id, null, null).withPart(part).withEdition(edition));
  }

  @Provide
  Arbitrary<MediaIdentity> episodes() {
    Arbitrary<List<Integer>> eps = Arbitraries.integers().between(1, 60).flatMap(first ->
        Arbitraries.integers().between(0, 2).map(extra -> range(first, first + extra)));
    return Combinators.combine(titles(), Arbitraries.integers().between(1950, 2030).injectNull(0.3),
        Arbitraries.integers().between(0, 30), eps, titles().injectNull(0.4))
        .as((t, y, s, e, et) -> MediaIdentity.episode(t, y, s, e).withEpisodeTitle(et))
        .flatMap(id -> Arbitraries.integers().between(1, 3).injectNull(0.8).map(id::withPart));
  }

  @Property(tries = 400)
  void parsingAMovieNameGivesBackTitleAndYear(@ForAll("movies") MediaIdentity id) {
    String path = JellyfinNaming.defaults().video(id, "mkv").relative();
    ParsedName p = PARSER.parse(path);
    assertThat(p.type()).as(path).isEqualTo(MediaType.MOVIE);
    assertThat(p.title()).as(path).isEqualTo(id.title());
    assertThat(p.year()).as(path).isEqualTo(id.year());
    assertThat(p.tmdbId()).as(path).isEqualTo(id.tmdbId());
    assertThat(p.part()).as(path).isEqualTo(id.part());
    assertThat(p.editions()).as(path).isEqualTo(id.edition() == null ? List.of() : List.of(id.edition()));
  }

  @Property(tries = 400)
  void parsingAnEpisodeNameGivesBackShowYearSeasonAndEpisodes(@ForAll("episodes") MediaIdentity id) {
    String path = JellyfinNaming.defaults().video(id, "mkv").relative();
    ParsedName p = PARSER.parse(path);
    assertThat(p.type()).as(path).isEqualTo(MediaType.EPISODE);
    assertThat(p.title()).as(path).isEqualTo(id.title());
    assertThat(p.year()).as(path).isEqualTo(id.year());
    assertThat(p.season()).as(path).isEqualTo(id.season());
    assertThat(p.episodes()).as(path).isEqualTo(id.episodes());
    assertThat(p.part()).as(path).isEqualTo(id.part());
  }

  private static List<Integer> range(int from, int to) {
    var out = new ArrayList<Integer>();
    for (int i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }
}
