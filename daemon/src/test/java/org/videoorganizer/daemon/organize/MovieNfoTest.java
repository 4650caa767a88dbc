package org.videoorganizer.daemon.organize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.time.LocalDate;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.plan.OrganizePlanner;
import org.videoorganizer.daemon.plan.Plan;
import org.videoorganizer.daemon.plan.PlannedNfo;
import org.videoorganizer.daemon.plan.PlannedUnit;
import org.videoorganizer.daemon.source.SourceScanner;

/** Which NFO files a run writes for stacked movies and home videos. */
class MovieNfoTest {

  @TempDir Path tmp;

  private java.util.List<String> written(Plan plan, Path library) {
    return plan.units().stream().flatMap(u -> u.nfos().stream()).map(PlannedNfo::target)
        .map(t -> library.relativize(t).toString()).toList();
  }

  @Test
  void aStackedMovieGetsOneMovieNfoNotOnePerPart() throws IOException {
    Path source = tmp.resolve("in");
    Path library = tmp.resolve("lib");
    TestFiles.write(source.resolve("Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949] - part1.mkv"), 100, 1);
    TestFiles.write(source.resolve("Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949] - part2.mkv"), 100, 2);
    Plan plan = TestFiles.organizer(MoverHook.NONE).plan(source, library);
    assertThat(plan.units()).allSatisfy(u -> assertThat(library.relativize(u.video().target()).toString())
        .startsWith("Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949] - part"));
    assertThat(written(plan, library)).containsExactly("Movies/Heat (1995) [tmdbid-949]/movie.nfo");
    assertThat(plan.units().getFirst().nfos().getFirst().content()).contains("<title>Heat</title>", "949")
        .doesNotContain("part");
  }

  @Test
  void aHomeVideoFiledUnderOtherWithADateGetsATitleAndPremieredDate() throws IOException {
    Path source = tmp.resolve("in");
    Path library = tmp.resolve("lib");
    Path video = TestFiles.write(source.resolve("2019-07-14 Birthday at the lake.mp4"), 100, 1);
    var group = new SourceScanner(library).groupOf(source, video).orElseThrow();
    var planner = new OrganizePlanner(JellyfinNaming.defaults(), true);
    var home = MediaIdentity.other("Birthday at the lake", null).withAirDate(LocalDate.of(2019, 7, 14));
    PlannedUnit unit = planner.plan(group, new Identification.Named(home, "filed under Other"), library);
    assertThat(library.relativize(unit.video().target()).toString()).startsWith("Other/");
    assertThat(unit.nfos()).singleElement().satisfies(n -> {
      assertThat(n.target()).isEqualTo(unit.video().target().resolveSibling(
          unit.video().target().getFileName().toString().replaceAll("\\.mp4$", ".nfo")));
      assertThat(n.content()).contains("<movie>", "<title>Birthday at the lake</title>", "<premiered>2019-07-14</premiered>");
    });
    var undated = planner.plan(group, new Identification.Named(MediaIdentity.other("grandpa talking", null), "x"), library);
    assertThat(undated.nfos()).as("a title alone adds nothing to the file name").isEmpty();
  }
}
