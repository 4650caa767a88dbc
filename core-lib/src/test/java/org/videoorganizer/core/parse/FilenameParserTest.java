package org.videoorganizer.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hard cases users report (issue 3), one row per rule; the corpora test the rest. */
class FilenameParserTest {
  private static final FilenameParser PARSER = new FilenameParser();

  private static ParsedName parse(String name) {
    return PARSER.parse(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      1917 (2019).mkv                                   | 1917                  | 2019
      2001 A Space Odyssey (1968).mkv                   | 2001 A Space Odyssey  | 1968
      2001 A Space Odyssey.mkv                          | 2001 A Space Odyssey  |
      Blade.Runner.2049.2017.1080p.BluRay.x264-GRP.mkv  | Blade Runner 2049     | 2017
      12 Angry Men (1957).mkv                           | 12 Angry Men          | 1957
      Rocky IV (1985).mkv                               | Rocky IV              | 1985
      The Wolf of Wall Street 2 (2013).mkv              | The Wolf of Wall Street 2 | 2013
      Bad Boys 2 1080i.mpg2.rus.eng.ts                  | Bad Boys 2            |
      The Hunger Games Mockingjay - Part 2 (2015).mkv   | The Hunger Games Mockingjay - Part 2 | 2015
      300 - 2 (2006).mkv                                | 300 - 2               | 2006
      """)
  void keepsNumbersThatBelongToTheTitle(String name, String title, Integer year) {
    ParsedName p = parse(name);
    assertThat(p.type()).isEqualTo(MediaType.MOVIE);
    assertThat(p.title()).isEqualTo(title);
    assertThat(p.year()).isEqualTo(year);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Show.Name.S02E05.720p.HDTV.x264-GRP.mkv          | Show Name | 2 | 5
      Show.Name.2x05.Title.avi                          | Show Name | 2 | 5
      Show Name Season 2 Episode 5.mkv                  | Show Name | 2 | 5
      La.Casa.de.Papel.Temporada.2.Capitulo.5.mkv       | La Casa de Papel | 2 | 5
      Dark.Staffel.2.Folge.5.German.mkv                 | Dark      | 2 | 5
      Шоу Сезон 2 Серия 5.mkv                           | Шоу       | 2 | 5
      Show.Name.T02E05.720p.mkv                         | Show Name | 2 | 5
      Show.Name.205.HDTV.XviD-GRP.avi                   | Show Name | 2 | 5
      """)
  void readsSeasonAndEpisodeMarkersInSeveralLanguages(String name, String title, int season, int episode) {
    ParsedName p = parse(name);
    assertThat(p.type()).isEqualTo(MediaType.EPISODE);
    assertThat(p.title()).isEqualTo(title);
    assertThat(p.seasons()).containsExactly(season);
    assertThat(p.episodes()).containsExactly(episode);
  }

  @Test
  void takesShowAndSeasonFromFoldersWithWindowsSeparators() {
    ParsedName p = parse("C:\\Media\\Breaking Bad\\Season 2\\03 - Bit by a Dead Bee.mkv");
    assertThat(p.title()).isEqualTo("Breaking Bad");
    assertThat(p.seasons()).containsExactly(2);
    assertThat(p.episodes()).containsExactly(3);
    assertThat(p.episodeTitle()).isEqualTo("Bit by a Dead Bee");
  }

  @Test
  void takesTheYearFromTheMovieFolder() {
    ParsedName p = parse("Movies/Wild Zero (2000)/Wild.Zero.DVDivX-EPiC.avi");
    assertThat(p.type()).isEqualTo(MediaType.MOVIE);
    assertThat(p.title()).isEqualTo("Wild Zero");
    assertThat(p.year()).isEqualTo(2000);
  }

  @Test
  void readsMultiEpisodeRangesAndLists() {
    assertThat(parse("Show.S01E01-E03.720p.mkv").episodes()).containsExactly(1, 2, 3);
    assertThat(parse("Show.S01E01E02.mkv").episodes()).containsExactly(1, 2);
    assertThat(parse("Show Name - 16x03-05 - 313-315").absoluteEpisodes()).containsExactly(313, 314, 315);
    assertThat(parse("[Grp].Show.Name.493-495.&.500-502.(x264)").absoluteEpisodes()).containsExactly(493, 494, 495, 500, 501, 502);
  }

  @Test
  void readsAbsoluteAnimeNumbering() {
    ParsedName p = parse("[SubsPlease] Frieren - 12 [1080p].mkv");
    assertThat(p.title()).isEqualTo("Frieren");
    assertThat(p.absoluteEpisodes()).containsExactly(12);
    assertThat(p.episodes()).isEmpty();
    assertThat(p.seasons()).isEmpty();
    assertThat(p.releaseGroup()).isEqualTo("SubsPlease");
  }

  @Test
  void readsTheEpisodeAfterASeasonMarkerInFansubNames() {
    ParsedName p = parse("[Group] Series Title S2 - 05 [1080p].mkv");
    assertThat(p.seasons()).containsExactly(2);
    assertThat(p.episodes()).containsExactly(5);
    assertThat(parse("Coupling Season 1 - 4 Complete DVDRip").seasons()).containsExactly(1, 2, 3, 4);
    assertThat(parse("Show Name The Complete Seasons 1 to 5 720p BluRay").title()).isEqualTo("Show Name");
    assertThat(parse("Show Name Complete Season 1 720p.mkv").title()).isEqualTo("Show Name");
  }

  @Test
  void readsCjkFansubNames() {
    ParsedName p = parse("[Leopard-Raws] 進撃の巨人 - 25 RAW (MX 1280x720 x264 AAC).mp4");
    assertThat(p.title()).isEqualTo("進撃の巨人");
    assertThat(p.absoluteEpisodes()).containsExactly(25);
    assertThat(p.resolution()).isEqualTo("720p");
    ParsedName banner = parse("★01月新番★[Group][Title][05][1080p].mkv");
    assertThat(banner.title()).isEqualTo("Title");
    assertThat(banner.releaseGroup()).isEqualTo("Group");
    assertThat(banner.absoluteEpisodes()).containsExactly(5);
  }

  @Test
  void readsChineseAndJapaneseEpisodeCounters() {
    ParsedName p = parse("进击的巨人 第2季 第05集.mp4");
    assertThat(p.title()).isEqualTo("进击的巨人");
    assertThat(p.seasons()).containsExactly(2);
    assertThat(p.episodes()).containsExactly(5);
    assertThat(parse("ドラゴンボール 第05話.mkv").episodes()).containsExactly(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      [SubsPlease] Frieren/[SubsPlease] Sousou no Frieren - 05 (1080p) [A1B2C3D4].mkv | Sousou no Frieren
      Frieren/[SubsPlease] 05 [A1B2C3D4].mkv                                          | Frieren
      Frieren/90550c1adaf44c47b60d24f59603bb98.mkv                                    | Frieren
      The Matrix (1999)/movie.mkv                                                     | The Matrix
      Movies/Ratatouille/video_ts-ratatouille.mkv                                     | Ratatouille
      [Grp] Show One - The Subtitle/[Grp] Show One - The Subtitle - 12 (1080p).mkv      | Show One - The Subtitle
      """)
  void prefersTheFilesOwnTitleUnlessItIsMissingGenericOrAHash(String name, String title) {
    assertThat(parse(name).title()).isEqualTo(title);
  }

  @Test
  void takesTheMovieFromAboveASubsFolder() {
    ParsedName p = parse("Movie (2010)/Subs/English.srt");
    assertThat(p.title()).isEqualTo("Movie");
    assertThat(p.subtitle().language()).isEqualTo("english");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      The.Daily.Show.2023.07.14.Guest.Name.720p.WEB.mkv | 2023-07-14
      Show.14.07.2023.mkv                               | 2023-07-14
      Show_2023_07_14.mkv                               | 2023-07-14
      Show 20230714 HDTV.mkv                            | 2023-07-14
      Date.Show.03-29-2012.HDTV.XViD-FlexGet            | 2012-03-29
      """)
  void readsAirDatesInSeveralOrders(String name, LocalDate date) {
    ParsedName p = parse(name);
    assertThat(p.type()).isEqualTo(MediaType.EPISODE);
    assertThat(p.date()).isEqualTo(date);
    assertThat(p.seasons()).isEmpty();
    assertThat(p.episodes()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      VID_20230101_123456.mp4                      | 2023-01-01
      IMG_1234.MOV                                 |
      PXL_20230101_123456789.mp4                   | 2023-01-01
      20230101_123456.mp4                          | 2023-01-01
      DSC_0001.MOV                                 |
      GOPR0001.MP4                                 |
      VID-20230101-WA0001.mp4                      | 2023-01-01
      Screen Recording 2023-01-01 at 10.00.00.mov  | 2023-01-01
      Holiday/IMG_20230101_123456.mp4              | 2023-01-01
      """)
  void readsCameraAndPhoneNamesAsHomeVideos(String name, LocalDate date) {
    ParsedName p = parse(name);
    assertThat(p.type()).isEqualTo(MediaType.UNKNOWN);
    assertThat(p.title()).isNull();
    assertThat(p.seasons()).isEmpty();
    assertThat(p.episodes()).isEmpty();
    assertThat(p.date()).isEqualTo(date);
    assertThat(parse("Signal.2019.mkv").title()).isEqualTo("Signal");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      misc/Birthday party 2019-05-04.mp4                              | UNKNOWN | Birthday party
      Birthday party 2019-05-04.mp4                                   | UNKNOWN | Birthday party
      The.Daily.Show.2015.07.01.Kirk.Douglas.720p.HDTV.x264.mkv       | EPISODE | The Daily Show
      Show Name - 2023-07-14 - Title.mkv                              | EPISODE | Show Name
      Show Name - 2023-07-14.mkv                                      | EPISODE | Show Name
      The Daily Show/The Daily Show 2023-07-14.mkv                    | EPISODE | The Daily Show
      Show Name/Season 2023/Show Name 2023-07-14.mkv                  | EPISODE | Show Name
      /server/anything_1996.11.14.mp4                                 | EPISODE | Anything
      """)
  void readsADateAloneAsADatedVideoUnlessTheNameHasShowStructure(String name, MediaType type, String title) {
    ParsedName p = parse(name);
    assertThat(p.type()).isEqualTo(type);
    assertThat(p.title()).isEqualTo(title);
    assertThat(p.date()).isNotNull();
  }

  @Test
  void readsSpecialsAsSeasonZero() {
    assertThat(parse("Breaking Bad/Specials/Breaking Bad S00E02.mkv").seasons()).containsExactly(0);
    assertThat(parse("Breaking Bad/Season 00/Chicks n Guns.mkv").seasons()).containsExactly(0);
  }

  @Test
  void readsPartsAndEditions() {
    assertThat(parse("Movie (2010) - part1.mkv").part()).isEqualTo(1);
    assertThat(parse("The Godfather Part III.mkv").part()).isEqualTo(3);
    assertThat(parse("Movie.2010.cd2.avi").part()).isEqualTo(2);
    assertThat(parse("Blade Runner (1982) Director's Cut.mkv").editions()).containsExactly("Director's Cut");
    assertThat(parse("Movie.2016.EXTENDED.UNRATED.1080p.BluRay.mkv").editions()).containsExactly("Extended", "Unrated");
  }

  @Test
  void keepsAPartInsideAnEpisodeTitleInIt() {
    ParsedName p = parse("Show.S08E16.Elements.Part.1.Skyhooks.720p.WEB-DL.mkv");
    assertThat(p.episodeTitle()).isEqualTo("Elements Part 1 Skyhooks");
    assertThat(p.part()).isNull();
    assertThat(parse("Show.S01E01.Title.Part.1.720p.mkv").part()).isEqualTo(1);
  }

  @Test
  void keepsAPartNamedBeforeTheYearInTheTitle() {
    ParsedName p = parse("Mission.Impossible.Dead.Reckoning.Part.One.2023.1080p.mkv");
    assertThat(p.title()).isEqualTo("Mission Impossible Dead Reckoning Part One");
    assertThat(p.part()).isNull();
  }

  @Test
  void keepsTheDotsOfAcronymsInDottedNames() {
    assertThat(parse("Marvel's.Agents.of.S.H.I.E.L.D.S07E13.720p.HDTV.x264-AVS").title())
        .isEqualTo("Marvel's Agents of S.H.I.E.L.D");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      Say "Hi" (2001).mkv                  | Say "Hi"
      "Hi" There (2001).mkv                | "Hi" There
      Movie «Name» (2001).mkv              | Movie «Name»
      Tom & Jerry: The Movie (1992).mkv    | Tom & Jerry: The Movie
      """)
  void keepsPunctuationInsideTitles(String name, String title) {
    assertThat(parse(name).title()).isEqualTo(title);
  }

  @Test
  void readsProviderIds() {
    assertThat(parse("The Matrix (1999) [tmdbid-603].mkv").tmdbId()).isEqualTo(603L);
    assertThat(parse("The Matrix (1999) [imdbid-tt0133093].mkv").imdbId()).isEqualTo("tt0133093");
    assertThat(parse("The.Matrix.1999.tt0133093.1080p.mkv").imdbId()).isEqualTo("tt0133093");
    ParsedName show = parse("Breaking Bad (2008) {tvdb-81189}/Season 1/Breaking Bad S01E01.mkv");
    assertThat(show.title()).isEqualTo("Breaking Bad");
    assertThat(parse("Breaking Bad (2008) [tvdbid-81189] S01E01.mkv").tvdbId()).isEqualTo(81189L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Show (2010) [tvdbid-5678]/Season 1/Show S01E01.mkv   |      | 5678 |
      Movie (2010) [tmdbid-1234]/Movie.mkv                 | 1234 |      |
      Movie (2010) {tmdb-1234}/Movie (2010).mkv            | 1234 |      |
      Movie (2010) [imdbid-tt0133093]/extras/Making Of.mkv |      |      | tt0133093
      Movie (2010) [tmdbid-1234]/Movie [tmdbid-99].mkv     | 99   |      |
      """)
  void takesProviderIdsFromTheNearestFolderWhenTheFileHasNone(String name, Long tmdb, Long tvdb, String imdb) {
    ParsedName p = parse(name);
    assertThat(p.tmdbId()).isEqualTo(tmdb);
    assertThat(p.tvdbId()).isEqualTo(tvdb);
    assertThat(p.imdbId()).isEqualTo(imdb);
  }

  @Test
  void readsSubtitleSidecarFacts() {
    ParsedName p = parse("Movie (2010).en.forced.srt");
    assertThat(p.title()).isEqualTo("Movie");
    assertThat(p.container()).isEqualTo("srt");
    assertThat(p.subtitle()).isEqualTo(new SubtitleFacts("en", true, false, false));
    assertThat(parse("Movie (2010).eng.sdh.default.srt").subtitle()).isEqualTo(new SubtitleFacts("eng", false, true, true));
    assertThat(parse("Movie (2010).mkv").subtitle()).isNull();
  }

  @Test
  void recognisesExtrasTrailersAndSamples() {
    ParsedName suffix = parse("The Matrix (1999)-trailer.mkv");
    assertThat(suffix.extra()).isEqualTo(ExtraType.TRAILER);
    assertThat(suffix.title()).isEqualTo("The Matrix");
    ParsedName folder = parse("The Matrix (1999)/featurettes/Making Of.mkv");
    assertThat(folder.extra()).isEqualTo(ExtraType.FEATURETTE);
    assertThat(folder.title()).isEqualTo("The Matrix");
    assertThat(parse("Movie.2010.1080p.BluRay.x264-GRP-sample.mkv").extra()).isEqualTo(ExtraType.SAMPLE);
    assertThat(parse("I Live In A Trailer.mp4").extra()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Movie.Name.1999.1080p-GRP/sample-movie.name.1999.mkv  | Movie Name | 1999
      Movie.Name.1999.1080p-GRP/movie.name.1999-sample.mkv  | Movie Name | 1999
      Movie.Name.1999.1080p-GRP/movie.name.1999.sample.mkv  | Movie Name | 1999
      Movie.Name.1999.1080p-GRP/grp-sample.mkv              | Movie Name | 1999
      Movie.Name.1999.1080p-GRP/Sample/grp-movie.name.1999.mkv | Movie Name | 1999
      sample-movie.name.1999.mkv                            | Movie Name | 1999
      """)
  void recognisesSceneSamples(String name, String title, Integer year) {
    ParsedName p = parse(name);
    assertThat(p.extra()).isEqualTo(ExtraType.SAMPLE);
    assertThat(p.title()).isEqualTo(title);
    assertThat(p.year()).isEqualTo(year);
    assertThat(p.releaseGroup()).isNotEqualTo("sample");
    assertThat(parse("Sample.People.2000.mkv").extra()).isNull();
  }

  @Test
  void dropsSitePrefixes() {
    ParsedName p = parse("www.Torrent9.com - Movie.Title.2015.FRENCH.1080p.mkv");
    assertThat(p.title()).isEqualTo("Movie Title");
    assertThat(p.year()).isEqualTo(2015);
    assertThat(p.languages()).contains("fr");
  }

  @Test
  void readsAResolutionAsNoEpisode() {
    ParsedName p = parse("Show.Name.1920x1080.x264.mkv");
    assertThat(p.episodes()).isEmpty();
    assertThat(p.seasons()).isEmpty();
    assertThat(p.resolution()).isEqualTo("1080p");
  }

  @Test
  void readsReleaseFacts() {
    ParsedName p = parse("Movie.Title.2019.2160p.UHD.BluRay.x265.TrueHD.Atmos.7.1-GROUP.mkv");
    assertThat(p.resolution()).isEqualTo("2160p");
    assertThat(p.source()).isEqualTo("Blu-ray");
    assertThat(p.videoCodec()).isEqualTo("H.265");
    assertThat(p.audioCodec()).isEqualTo("TrueHD");
    assertThat(p.releaseGroup()).isEqualTo("GROUP");
    assertThat(p.container()).isEqualTo("mkv");
  }

  @Test
  void givesAnEmptyResultForNothing() {
    for (String name : new String[] {null, "", "   ", "/", "\\\\", ".mkv", "[]", "---"}) {
      ParsedName p = parse(name);
      assertThat(p.title()).as(String.valueOf(name)).isNull();
      assertThat(p.episodes()).isEmpty();
    }
  }

  @Property(tries = 2000)
  void neverThrowsOnAnyString(@ForAll @StringLength(max = 120) String name) {
    ParsedName p = PARSER.parseStrict(name);
    assertThat(p.type()).isNotNull();
  }

  @Property(tries = 1000)
  void neverThrowsOnNamesBuiltFromReleaseWords(@ForAll("releaseLike") String name) {
    assertThat(PARSER.parseStrict(name).type()).isNotNull();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> releaseLike() {
    List<String> words = List.of("S01E02", "1x02", "2019", "(2019)", "[Group]", "-", " - ", "720p", "x264",
        "Part", "III", "E01-E03", "Season", "2", "0", "99999999999", "tt0133093", "tmdbid-", "{", "]",
        "Сезон", "進撃", ".", "_", "/", "\\", "-trailer", ".en.forced", ".srt", "&", "of", "~");
    return net.jqwik.api.Arbitraries.of(words).list().ofMaxSize(12).map(l -> String.join("", l));
  }
}
