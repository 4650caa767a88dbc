package org.videoorganizer.daemon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarsTest {

  @TempDir Path dir;

  @Test
  void findsTheSidecarsOfAVideoWhoseNameHoldsGlobCharacters() throws Exception {
    Path video = Files.createFile(dir.resolve("Heat (1995) [tmdbid-949] {edition-x} *.mkv"));
    Files.createFile(dir.resolve("Heat (1995) [tmdbid-949] {edition-x} *.en.srt"));
    Files.createFile(dir.resolve("Heat (1995) [tmdbid-949] {edition-x} *.txt"));
    Files.createFile(dir.resolve("Heat (1995) [tmdbid-9].srt"));

    assertThat(Sidecars.of(video)).extracting(p -> p.getFileName().toString())
        .containsExactly("Heat (1995) [tmdbid-949] {edition-x} *.en.srt");
  }

  private List<String> sidecarsOf(String video, String... others) throws Exception {
    Path v = Files.createFile(Files.createDirectories(dir.resolve("case" + (++cases))).resolve(video));
    for (String o : others) {
      Files.createFile(v.resolveSibling(o));
    }
    return Sidecars.of(v).stream().map(p -> p.getFileName().toString()).toList();
  }

  private int cases;

  @Test
  void takesALoneMovieNfoForTheOnlyVideoOfItsFolder() throws Exception {
    assertThat(sidecarsOf("Some.Home.Name.mkv", "movie.nfo", "Some.Home.Name.en.srt"))
        .containsExactly("Some.Home.Name.en.srt", "movie.nfo");
    assertThat(sidecarsOf("film.mkv", "MOVIE.NFO")).containsExactly("MOVIE.NFO");
    assertThat(sidecarsOf("movie.mkv", "movie.nfo")).containsExactly("movie.nfo");
  }

  @Test
  void aSampleNextToTheVideoDoesNotMakeTheFolderOneOfSeveralVideos() throws Exception {
    assertThat(sidecarsOf("Dune.1984.mkv", "movie.nfo", "Dune.1984.sample.mkv")).containsExactly("movie.nfo");
    assertThat(sidecarsOf("Dune.1984.sample.mkv", "movie.nfo", "Dune.1984.mkv")).isEmpty();
  }

  @Test
  void leavesMovieNfoAloneInAFolderOfSeveralVideosOrWhenAnNfoIsNamedLikeTheVideo() throws Exception {
    assertThat(sidecarsOf("Heat.mkv", "movie.nfo", "Ronin.mkv")).isEmpty();
    assertThat(sidecarsOf("Heat.mkv", "movie.nfo", "Heat.nfo")).containsExactly("Heat.nfo");
    assertThat(sidecarsOf("Heat.mkv", "movie.nfo.part", "other.nfo")).isEmpty();
  }
}
