package org.videoorganizer.daemon.organize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.organize.FileResult.Outcome;
import org.videoorganizer.daemon.plan.Plan;
import org.videoorganizer.daemon.plan.PlannedUnit;

/** DVD and Blu-ray folders travel whole, as the one movie Jellyfin reads them as. */
class DiscFolderTest {

  @TempDir Path tmp;
  Path source;
  Path library;

  @BeforeEach
  void folders() {
    source = tmp.resolve("in");
    library = tmp.resolve("lib");
  }

  @Test
  void aDvdRipIsOneMovieMovedWholeWithItsNfoAsVideoTsNfo() throws IOException {
    Path title = source.resolve("Heat (1995)");
    for (String f : new String[] {"VIDEO_TS/VIDEO_TS.IFO", "VIDEO_TS/VIDEO_TS.BUP", "VIDEO_TS/VIDEO_TS.VOB",
        "VIDEO_TS/VTS_01_0.IFO", "VIDEO_TS/VTS_01_0.BUP", "VIDEO_TS/VTS_01_1.VOB", "VIDEO_TS/VTS_01_2.VOB", "poster.jpg"}) {
      TestFiles.write(title.resolve(f), 50, f.hashCode());
    }
    Files.writeString(title.resolve("movie.nfo"), "<movie><title>Heat</title><year>1995</year>"
        + "<uniqueid type=\"tmdb\">949</uniqueid></movie>");

    Plan plan = TestFiles.organizer(MoverHook.NONE).plan(source, library);
    assertThat(plan.units()).singleElement().satisfies(u -> {
      assertThat(u.action()).isEqualTo(PlannedUnit.Action.ORGANIZE);
      assertThat(u.reason()).contains("DVD folder, moved whole");
    });
    Summary s = TestFiles.organizer(MoverHook.NONE).execute(plan, TransferMode.MOVE, (u, r, i, n) -> { });
    assertThat(s.count(Outcome.FAILED)).isZero();
    String movie = "Movies/Heat (1995) [tmdbid-949]/";
    assertThat(TestFiles.names(TestFiles.files(library, false), library)).containsExactlyInAnyOrder(
        movie + "VIDEO_TS/VIDEO_TS.IFO", movie + "VIDEO_TS/VIDEO_TS.BUP", movie + "VIDEO_TS/VIDEO_TS.VOB",
        movie + "VIDEO_TS/VTS_01_0.IFO", movie + "VIDEO_TS/VTS_01_0.BUP", movie + "VIDEO_TS/VTS_01_1.VOB",
        movie + "VIDEO_TS/VTS_01_2.VOB", movie + "VIDEO_TS/VIDEO_TS.nfo", movie + "poster.jpg");
    assertThat(library.resolve(movie + "VIDEO_TS/VIDEO_TS.nfo")).content().contains("<uniqueid type=\"tmdb\">949");
    assertThat(title).as("the emptied rip folder is removed").doesNotExist();
  }

  @Test
  void aDvdRipWithoutAnNfoGetsOneWrittenAsVideoTsNfoWhenItHasIds() throws IOException {
    Path title = source.resolve("Heat (1995) [tmdbid-949]");
    TestFiles.write(title.resolve("VIDEO_TS/VIDEO_TS.IFO"), 50, 1);
    TestFiles.write(title.resolve("VIDEO_TS/VTS_01_1.VOB"), 50, 2);
    TestFiles.write(title.resolve("AUDIO_TS/.keep"), 0, 3);
    Plan plan = TestFiles.organizer(MoverHook.NONE).plan(source, library);
    PlannedUnit unit = plan.units().getFirst();
    assertThat(plan.units()).hasSize(1);
    assertThat(unit.nfos()).singleElement().satisfies(n -> assertThat(library.relativize(n.target()).toString())
        .isEqualTo("Movies/Heat (1995) [tmdbid-949]/VIDEO_TS/VIDEO_TS.nfo"));
  }

  @Test
  void aBluRayFolderWithItsCertificateIsOneMovie() throws IOException {
    Path title = source.resolve("Dune.2021.COMPLETE.BLURAY-GRP");
    for (String f : new String[] {"BDMV/index.bdmv", "BDMV/MovieObject.bdmv", "BDMV/STREAM/00000.m2ts",
        "BDMV/STREAM/00001.m2ts", "BDMV/PLAYLIST/00000.mpls", "CERTIFICATE/id.bdmv"}) {
      TestFiles.write(title.resolve(f), 50, f.hashCode());
    }
    Plan plan = TestFiles.organizer(MoverHook.NONE).plan(source, library);
    assertThat(plan.units()).singleElement().satisfies(u -> {
      assertThat(u.action()).isEqualTo(PlannedUnit.Action.ORGANIZE);
      assertThat(u.files()).extracting(f -> library.relativize(f.target()).toString()).containsExactly(
          "Movies/Dune (2021)/BDMV/index.bdmv", "Movies/Dune (2021)/BDMV/MovieObject.bdmv",
          "Movies/Dune (2021)/BDMV/PLAYLIST/00000.mpls", "Movies/Dune (2021)/BDMV/STREAM/00000.m2ts",
          "Movies/Dune (2021)/BDMV/STREAM/00001.m2ts", "Movies/Dune (2021)/CERTIFICATE/id.bdmv");
    });
  }
}
