package org.videoorganizer.daemon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
