package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;
import org.videoorganizer.daemon.identify.NameIdentifier;
import org.videoorganizer.daemon.identify.TmdbIdentifier;
import org.videoorganizer.daemon.organize.FileResult.Outcome;
import org.videoorganizer.daemon.plan.OrganizePlanner;
import org.videoorganizer.daemon.plan.Plan;
import org.videoorganizer.daemon.plan.PlannedUnit;
import org.videoorganizer.daemon.plan.PlannedUnit.Action;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole runs with the TMDB identifier against the fake TMDB server, on real files. */
class TmdbOrganizeTest {

  private static final FilenameParser PARSER = new FilenameParser();

  @TempDir Path tmp;
  Path source;
  Path library;
  FakeTmdbServer tmdb;

  @BeforeEach
  void start() {
    tmdb = FakeTmdbServer.start();
    source = tmp.resolve("Downloads");
    library = tmp.resolve("Library");
  }

  @AfterEach
  void stop() {
    tmdb.close();
  }

  private Organizer organizer(String apiKey, boolean writeNfo) {
    return organizer(tmdb.baseUrl(), apiKey, writeNfo);
  }

  private Organizer organizer(String baseUrl, String apiKey, boolean writeNfo) {
    TmdbClient client = TmdbClient.builder().baseUrl(baseUrl).apiKey(apiKey).requestsPerSecond(1000)
        .retries(1, 1, Duration.ofMillis(10), Duration.ofMillis(50)).build();
    var identifier = TmdbIdentifier.forOneRun(new NameIdentifier(p -> PARSER.parse(p.toString())), Matcher.builder(client).build(), client);
    return new Organizer(new OrganizePlanner(identifier, JellyfinNaming.defaults(), writeNfo), MoverHook.NONE, Clock.systemUTC());
  }

  private Summary run(Organizer o) throws IOException {
    return o.execute(o.plan(source, library), TransferMode.MOVE, (u, r, i, n) -> { });
  }

  private String read(String relative) throws IOException {
    return Files.readString(library.resolve(relative));
  }

  @Test
  void aRemakePairNamedWithYearsGoesToTwoTmdbFoldersWithTheRightUniqueIds() throws IOException {
    TestFiles.write(source.resolve("RoboCop.1987.1080p.BluRay.x264-GRP.mkv"), 100, 1);
    TestFiles.write(source.resolve("RoboCop.2014.720p.WEB-DL.mkv"), 100, 2);
    Summary s = run(organizer(FakeTmdbServer.API_KEY, true));
    assertThat(s.count(Outcome.MOVED)).isEqualTo(2);
    assertThat(s.count(Outcome.WRITTEN)).isEqualTo(2);
    String old = read("Movies/RoboCop (1987) [tmdbid-5548]/RoboCop (1987) [tmdbid-5548].nfo");
    assertThat(old).contains("<movie>", "<title>RoboCop</title>", "<year>1987</year>",
        "<uniqueid type=\"tmdb\" default=\"true\">5548</uniqueid>", "<uniqueid type=\"imdb\">tt0093870</uniqueid>");
    String remake = read("Movies/RoboCop (2014) [tmdbid-97020]/RoboCop (2014) [tmdbid-97020].nfo");
    assertThat(remake).contains("<uniqueid type=\"tmdb\" default=\"true\">97020</uniqueid>").doesNotContain("5548");
    assertThat(library.resolve("Movies/RoboCop (2014) [tmdbid-97020]/RoboCop (2014) [tmdbid-97020].mkv")).exists();
    assertThat(TestFiles.files(source, false)).isEmpty();
  }

  @Test
  void episodesGetTheirTitlesEpisodeNfosAndOneTvshowNfo() throws IOException {
    TestFiles.write(source.resolve("tv/Breaking.Bad.S01E01.720p.HDTV.mkv"), 100, 1);
    TestFiles.write(source.resolve("tv/Breaking.Bad.S01E02.720p.HDTV.mkv"), 100, 2);
    Summary s = run(organizer(FakeTmdbServer.API_KEY, true));
    assertThat(s.count(Outcome.WRITTEN)).isEqualTo(3);
    String show = "TV Shows/Breaking Bad (2008) [tmdbid-1396]/";
    assertThat(read(show + "tvshow.nfo")).contains("<tvshow>", "<uniqueid type=\"tmdb\" default=\"true\">1396</uniqueid>",
        "<uniqueid type=\"tvdb\">81189</uniqueid>");
    List<String> names = TestFiles.names(TestFiles.files(library.resolve(show + "Season 01"), false), library.resolve(show + "Season 01"));
    assertThat(names).hasSize(4).allMatch(n -> n.matches("Breaking Bad S01E0[12] - .+\\.(mkv|nfo)"));
    String episodeNfo = names.stream().filter(n -> n.startsWith("Breaking Bad S01E02") && n.endsWith(".nfo")).findFirst().orElseThrow();
    assertThat(read(show + "Season 01/" + episodeNfo)).contains("<episodedetails>", "<season>1</season>", "<episode>2</episode>");
  }

  @Test
  void anAmbiguousNameIsLeftForReviewWithTheCandidates() throws IOException {
    Path video = TestFiles.write(source.resolve("RoboCop.mkv"), 100, 1);
    Organizer o = organizer(FakeTmdbServer.API_KEY, true);
    Plan plan = o.plan(source, library);
    PlannedUnit unit = plan.units().getFirst();
    assertThat(unit.action()).isEqualTo(Action.REVIEW);
    assertThat(unit.reason()).contains("TMDB is not sure", "RoboCop (1987)", "RoboCop (2014)");
    Summary s = o.execute(plan, TransferMode.MOVE, (u, r, i, n) -> { });
    assertThat(s.count(Outcome.REVIEW)).isEqualTo(1);
    assertThat(video).exists();
    assertThat(TestFiles.files(library, false)).isEmpty();
  }

  @Test
  void aFilmTmdbDoesNotKnowIsLeftForReviewWhenItHasAYearAndFiledUnderOtherWithout() throws IOException {
    Path unknown = TestFiles.write(source.resolve("Zqxwv Plorkt (2011).mkv"), 100, 1);
    TestFiles.write(source.resolve("Home video of grandpa.mp4"), 100, 2);
    Plan plan = organizer(FakeTmdbServer.API_KEY, true).plan(source, library);
    var byName = plan.units().stream().collect(java.util.stream.Collectors.toMap(
        u -> u.video().source().getFileName().toString(), u -> u));
    PlannedUnit film = byName.get("Zqxwv Plorkt (2011).mkv");
    assertThat(film.action()).isEqualTo(Action.REVIEW);
    assertThat(film.reason()).contains("TMDB found nothing for 'Zqxwv Plorkt'", "--no-tmdb");
    PlannedUnit home = byName.get("Home video of grandpa.mp4");
    assertThat(home.action()).isEqualTo(Action.ORGANIZE);
    assertThat(home.reason()).contains("TMDB found nothing", "filed under Other");
    assertThat(library.relativize(home.video().target()).toString()).isEqualTo("Other/Home video of grandpa.mp4");
    assertThat(home.nfos()).isEmpty();
    assertThat(unknown).exists();
  }

  @Test
  void idsInAnNfoNextToTheVideoGoFirstAndAnEpisodeNfoIdIsNotTakenForTheShow() throws IOException {
    TestFiles.write(source.resolve("a/Some.Home.Name.mkv"), 100, 1);
    Files.writeString(source.resolve("a/movie.nfo"), "https://www.themoviedb.org/movie/97020\n");
    TestFiles.write(source.resolve("b/Breaking.Bad.S01E01.mkv"), 100, 2);
    Files.writeString(source.resolve("b/Breaking.Bad.S01E01.nfo"),
        "<episodedetails><season>1</season><episode>1</episode><uniqueid type=\"tmdb\">62085</uniqueid></episodedetails>");
    var targets = organizer(FakeTmdbServer.API_KEY, true).plan(source, library).units().stream()
        .map(u -> library.relativize(u.video().target()).toString()).toList();
    assertThat(targets).containsExactlyInAnyOrder(
        "Movies/RoboCop (2014) [tmdbid-97020]/RoboCop (2014) [tmdbid-97020].mkv",
        "TV Shows/Breaking Bad (2008) [tmdbid-1396]/Season 01/Breaking Bad S01E01 - Episode 1.mkv");
    assertThat(tmdb.requests()).noneMatch(r -> r.contains("/tv/62085"));
  }

  @Test
  void anNfoThatCameWithTheVideoWinsAndAnNfoInTheLibraryIsNeverOverwritten() throws IOException {
    TestFiles.write(source.resolve("The.Matrix.1999.1080p/The.Matrix.1999.1080p.mkv"), 100, 1);
    Files.writeString(source.resolve("The.Matrix.1999.1080p/movie.nfo"), "https://www.themoviedb.org/movie/603\n");
    TestFiles.write(source.resolve("Blade.Runner.1982.mkv"), 100, 2);
    Path mine = library.resolve("Movies/Blade Runner (1982) [tmdbid-78]/Blade Runner (1982) [tmdbid-78].nfo");
    Files.createDirectories(mine.getParent());
    Files.writeString(mine, "<movie><title>my own</title></movie>");
    Summary s = run(organizer(FakeTmdbServer.API_KEY, true));
    assertThat(s.count(Outcome.MOVED)).isEqualTo(3);
    assertThat(s.count(Outcome.WRITTEN)).isZero();
    assertThat(read("Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].nfo"))
        .isEqualTo("https://www.themoviedb.org/movie/603\n");
    assertThat(Files.readString(mine)).isEqualTo("<movie><title>my own</title></movie>");
    assertThat(library.resolve("Movies/Blade Runner (1982) [tmdbid-78]/Blade Runner (1982) [tmdbid-78].mkv")).exists();
  }

  @Test
  void withoutNfoWritingNoNfoIsWritten() throws IOException {
    TestFiles.write(source.resolve("RoboCop.2014.mkv"), 100, 1);
    Summary s = run(organizer(FakeTmdbServer.API_KEY, false));
    assertThat(s.count(Outcome.MOVED)).isEqualTo(1);
    assertThat(TestFiles.names(TestFiles.files(library, false), library))
        .containsExactly("Movies/RoboCop (2014) [tmdbid-97020]/RoboCop (2014) [tmdbid-97020].mkv");
  }

  @Test
  void undoRemovesTheNfosTheRunWroteAndKeepsOneEditedSince() throws IOException {
    TestFiles.write(source.resolve("RoboCop.1987.mkv"), 100, 1);
    TestFiles.write(source.resolve("tv/Breaking.Bad.S01E01.mkv"), 100, 2);
    Summary s = run(organizer(FakeTmdbServer.API_KEY, true));
    assertThat(s.count(Outcome.WRITTEN)).isEqualTo(3);
    Path edited = library.resolve("TV Shows/Breaking Bad (2008) [tmdbid-1396]/tvshow.nfo");
    Files.writeString(edited, Files.readString(edited).replace("</tvshow>", "  <plot>edited in Jellyfin</plot>\n</tvshow>"));
    List<FileResult> undone = JournalUndo.undo(s.journal());
    assertThat(undone).filteredOn(r -> r.outcome() == Outcome.SKIPPED).extracting(FileResult::target).containsExactly(edited);
    assertThat(TestFiles.names(TestFiles.files(library, false), library))
        .containsExactly("TV Shows/Breaking Bad (2008) [tmdbid-1396]/tvshow.nfo");
    assertThat(TestFiles.names(TestFiles.files(source, false), source))
        .containsExactlyInAnyOrder("RoboCop.1987.mkv", "tv/Breaking.Bad.S01E01.mkv");
    assertThat(library.resolve("Movies")).doesNotExist();
    assertThat(JournalUndo.undo(s.journal())).noneMatch(r -> r.outcome() == Outcome.RESTORED && r.source() != null);
  }

  @Test
  void aRejectedKeyFailsEveryUnitWithTheReasonAsksOnceAndMovesNothing() throws IOException {
    Path a = TestFiles.write(source.resolve("RoboCop.1987.mkv"), 100, 1);
    Path b = TestFiles.write(source.resolve("Blade.Runner.1982.mkv"), 100, 2);
    Summary s = run(organizer("wrong", true));
    assertThat(s.count(Outcome.FAILED)).isEqualTo(2);
    assertThat(s.journal()).isNull();
    assertThat(tmdb.requestCount()).isEqualTo(1);
    assertThat(a).exists();
    assertThat(b).exists();
    Plan plan = organizer("wrong", true).plan(source, library);
    assertThat(plan.units()).allSatisfy(u -> {
      assertThat(u.action()).isEqualTo(Action.FAIL);
      assertThat(u.reason()).contains("left in place", "TMDB rejected the API key (401");
    });
  }

  @Test
  void anUnreachableTmdbFailsEveryUnitAndMovesNothing() throws IOException {
    Path a = TestFiles.write(source.resolve("RoboCop.1987.mkv"), 100, 1);
    Path b = TestFiles.write(source.resolve("tv/Breaking.Bad.S01E01.mkv"), 100, 2);
    String gone;
    try (var stopped = FakeTmdbServer.start()) {
      gone = stopped.baseUrl();
    }
    Organizer o = organizer(gone, FakeTmdbServer.API_KEY, true);
    Plan plan = o.plan(source, library);
    assertThat(plan.units()).hasSize(2).allSatisfy(u -> {
      assertThat(u.action()).isEqualTo(Action.FAIL);
      assertThat(u.reason()).startsWith("left in place, TMDB ");
    });
    Summary s = o.execute(plan, TransferMode.MOVE, (u, r, i, n) -> { });
    assertThat(s.count(Outcome.FAILED)).isEqualTo(2);
    assertThat(a).exists();
    assertThat(b).exists();
    assertThat(TestFiles.files(library, false)).isEmpty();
  }

  @Test
  void serverErrorsFailOnlyTheirUnitAndTheOthersAreOrganized() throws IOException {
    Path first = TestFiles.write(source.resolve("A/RoboCop.1987.mkv"), 100, 1);
    TestFiles.write(source.resolve("B/Blade.Runner.1982.mkv"), 100, 2);
    tmdb.failNext(500, 2);
    Summary s = run(organizer(FakeTmdbServer.API_KEY, true));
    assertThat(s.count(Outcome.FAILED)).isEqualTo(1);
    assertThat(s.count(Outcome.MOVED)).isEqualTo(1);
    assertThat(first).exists();
    assertThat(library.resolve("Movies/Blade Runner (1982) [tmdbid-78]/Blade Runner (1982) [tmdbid-78].mkv")).exists();
  }

  @Test
  void theTemporaryNfoOfAnUnfinishedRunIsRemovedByTheNextRun() throws IOException {
    Path folder = Files.createDirectories(library.resolve("Movies/X (2000)"));
    Path temp = Files.writeString(folder.resolve(".vorg-deadbeef-nfo-1.tmp"), "<movie/>");
    try (Journal j = Journal.create(library, source, TransferMode.MOVE, Clock.systemUTC())) {
      j.write(Journal.entry("nfo-begin").with("unit", 1).with("target", folder.resolve("X (2000).nfo")).with("temp", temp));
    }
    assertThat(JournalRecovery.recover(library)).isEqualTo(1);
    assertThat(temp).doesNotExist();
  }
}
