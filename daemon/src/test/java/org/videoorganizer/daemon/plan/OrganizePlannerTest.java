package org.videoorganizer.daemon.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.identify.NameIdentifier;
import org.videoorganizer.daemon.organize.TestFiles;
import org.videoorganizer.daemon.plan.PlannedUnit.Action;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.daemon.source.SourceScanner;

/** The planner's one-group entry point (the daemon's organize step) and the group as JSON. */
class OrganizePlannerTest {

  private static final FilenameParser PARSER = new FilenameParser();

  @TempDir Path tmp;

  private List<String> targets(PlannedUnit unit, Path library) {
    return unit.files().stream().map(f -> f.target() == null ? "stays " + f.source().getFileName()
        : library.relativize(f.target()).toString()).toList();
  }

  @Test
  void plansOneEpisodeOfASeasonPackWithItsSubsReleaseFolderWithoutWalkingTheSource() throws IOException {
    Path source = tmp.resolve("in");
    Path library = tmp.resolve("lib");
    String e1 = "Show.Name.S01E01.1080p.WEB.h264-GRP";
    Path pack = source.resolve("Show.Name.S01.1080p.WEB.h264-GRP");
    Path video = TestFiles.write(pack.resolve(e1 + ".mkv"), 100, 1);
    TestFiles.write(pack.resolve("Show.Name.S01E02.1080p.WEB.h264-GRP.mkv"), 100, 2);
    TestFiles.write(pack.resolve("Subs/" + e1 + "/2_English.srt"), 10, 3);
    TestFiles.write(pack.resolve("Subs/" + e1 + "/3_English.srt"), 10, 4);
    TestFiles.write(pack.resolve("Subs/" + e1 + "/19_French.srt"), 10, 5);

    SourceGroup group = new SourceScanner(library).groupOf(source, video).orElseThrow();
    var planner = new OrganizePlanner(JellyfinNaming.defaults(), true);
    var named = new Identification.Named(MediaIdentity.episode("Show Name", null, 1, List.of(1)), "test");
    PlannedUnit unit = planner.plan(group, named, library);

    assertThat(unit.action()).isEqualTo(Action.ORGANIZE);
    assertThat(targets(unit, library)).containsExactly(
        "TV Shows/Show Name/Season 01/Show Name S01E01.mkv",
        "TV Shows/Show Name/Season 01/Show Name S01E01.fr.srt",
        "TV Shows/Show Name/Season 01/Show Name S01E01.en.srt",
        "TV Shows/Show Name/Season 01/Show Name S01E01.2.en.srt");
  }

  @Test
  void publishesTheKodiXmlNfoLeavesTheSceneNfoAndTakesIdsFromBoth() throws IOException {
    Path source = tmp.resolve("in");
    Path library = tmp.resolve("lib");
    Path release = source.resolve("Heat.1995.1080p.BluRay.x264-GRP");
    Path video = TestFiles.write(release.resolve("Heat.1995.1080p.BluRay.x264-GRP.mkv"), 100, 1);
    Files.writeString(release.resolve("Heat.1995.1080p.BluRay.x264-GRP.nfo"), """
        ░▒▓ GRP PRESENTS ▓▒░
        Heat (1995)
        IMDb: https://www.imdb.com/title/tt0113277/
        Video: x264 1080p
        """);
    Files.writeString(release.resolve("movie.nfo"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <movie><title>Heat</title><year>1995</year><uniqueid type="tmdb">949</uniqueid></movie>
        """);

    SourceGroup group = new SourceScanner(library).groupOf(source, video).orElseThrow();
    var identifier = new NameIdentifier(p -> PARSER.parse(p.toString()));
    var idf = (Identification.Named) identifier.identify(group);
    assertThat(idf.identity().tmdbId()).isEqualTo(949L);
    assertThat(idf.identity().imdbId()).isEqualTo("tt0113277");

    PlannedUnit unit = new OrganizePlanner(JellyfinNaming.defaults(), true).plan(group, idf, library);
    assertThat(targets(unit, library)).containsExactly(
        "Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv",
        "Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].nfo",
        "stays Heat.1995.1080p.BluRay.x264-GRP.nfo");
    assertThat(unit.files().get(2).note()).contains("plain-text NFO");
    assertThat(unit.nfos()).isEmpty(); // the XML one travels; none is written in its place
  }

  @Test
  void aSceneNfoAloneIsNotPublishedAndAnNfoIsWrittenFromItsIds() throws IOException {
    Path source = tmp.resolve("in");
    Path library = tmp.resolve("lib");
    Path video = TestFiles.write(source.resolve("R/Heat.1995.1080p.mkv"), 100, 1);
    Files.writeString(source.resolve("R/Heat.1995.1080p.nfo"), "Release notes\nhttps://www.imdb.com/title/tt0113277/\n");
    SourceGroup group = new SourceScanner(library).groupOf(source, video).orElseThrow();
    var idf = new NameIdentifier(p -> PARSER.parse(p.toString())).identify(group);
    PlannedUnit unit = new OrganizePlanner(JellyfinNaming.defaults(), true).plan(group, idf, library);
    assertThat(targets(unit, library)).containsExactly(
        "Movies/Heat (1995) [imdbid-tt0113277]/Heat (1995) [imdbid-tt0113277].mkv", "stays Heat.1995.1080p.nfo");
    assertThat(unit.nfos()).singleElement().satisfies(n -> {
      assertThat(library.relativize(n.target()).toString()).isEqualTo(
          "Movies/Heat (1995) [imdbid-tt0113277]/Heat (1995) [imdbid-tt0113277].nfo");
      assertThat(n.content()).contains("<movie>", "tt0113277");
    });
  }

  @Test
  void aSourceGroupIsWrittenAndReadByJackson() throws IOException {
    Path source = tmp.resolve("in");
    Path video = TestFiles.write(source.resolve("R/Movie.2019.mkv"), 100, 1);
    TestFiles.write(source.resolve("R/Movie.2019.en.forced.srt"), 10, 2);
    TestFiles.write(source.resolve("R/Subs/Movie.2019/2_English.srt"), 10, 3);
    TestFiles.write(source.resolve("R/poster.jpg"), 10, 4);
    Files.writeString(source.resolve("R/movie.nfo"), "<movie><title>Movie</title></movie>");
    SourceGroup group = new SourceScanner(tmp.resolve("lib")).groupOf(source, video).orElseThrow();
    var mapper = new ObjectMapper();
    String json = mapper.writeValueAsString(group);
    assertThat(json).contains("\"kind\":\"SUBTITLE\"", "\"language\":\"en\"", "\"forced\":true", "\"artwork\":\"poster\"",
        "\"kind\":\"NFO\"");
    assertThat(mapper.readValue(json, SourceGroup.class)).isEqualTo(group);
  }

  @Test
  void aDiscGroupIsWrittenAndReadByJacksonAndPlannedWhole() throws IOException {
    Path source = tmp.resolve("in");
    Path library = tmp.resolve("lib");
    Path ifo = TestFiles.write(source.resolve("Heat (1995)/VIDEO_TS/VIDEO_TS.IFO"), 10, 1);
    Path vob = TestFiles.write(source.resolve("Heat (1995)/VIDEO_TS/VTS_01_1.VOB"), 100, 2);
    SourceGroup group = new SourceScanner(library).groupOf(source, vob).orElseThrow();
    assertThat(group.video()).isEqualTo(ifo);
    assertThat(group.disc().files()).containsExactly(ifo, vob);
    var mapper = new ObjectMapper();
    SourceGroup back = mapper.readValue(mapper.writeValueAsString(group), SourceGroup.class);
    assertThat(back).isEqualTo(group);
    var named = new Identification.Named(MediaIdentity.movie("Heat", 1995).withIds(949L, null, null), "test");
    PlannedUnit unit = new OrganizePlanner(JellyfinNaming.defaults(), true).plan(back, named, library);
    assertThat(targets(unit, library)).containsExactly("Movies/Heat (1995) [tmdbid-949]/VIDEO_TS/VIDEO_TS.IFO",
        "Movies/Heat (1995) [tmdbid-949]/VIDEO_TS/VTS_01_1.VOB");
    assertThat(unit.nfos()).extracting(n -> library.relativize(n.target()).toString())
        .containsExactly("Movies/Heat (1995) [tmdbid-949]/VIDEO_TS/VIDEO_TS.nfo");
  }
}
