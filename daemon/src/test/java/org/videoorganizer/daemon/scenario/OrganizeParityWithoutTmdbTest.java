package org.videoorganizer.daemon.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parity of {@link OrganizeParityTest} without TMDB: both front ends name from the file names,
 * folders and NFOs alone (the phone's video is filed under {@code Other/} with its NFO either way).
 */
class OrganizeParityWithoutTmdbTest extends OrganizeParityTest {

  @Override
  Map<String, String> tmdbEnv() {
    return Map.of();
  }

  @Override
  void checkIdentifiedLine(List<String> lines, Path in, Path lib) {
    String target = lib.resolve("Movies/RoboCop (1987)/RoboCop (1987).mkv").toString();
    assertThat(lines).contains("organized " + in.resolve("RoboCop.1987.1080p.mkv") + " -> " + target
        + " (named from the file name (TMDB matching not configured))");
  }

  @Override
  void checkLibrary(Set<String> lib) {
    assertThat(lib).as(cli.out()).contains(
        "Movies/RoboCop (1987)/RoboCop (1987).mkv",
        "Movies/Mulan (1998) [tmdbid-10674]/Mulan (1998) [tmdbid-10674].nfo",
        "Movies/Mulan (1998) [tmdbid-10674]/poster.jpg",
        "Movies/The Terminator (1984)/VIDEO_TS/VTS_01_1.VOB",
        "Movies/The Terminator (1984)/folder.jpg");
    assertThat(lib).as(cli.out())
        .anyMatch(p -> p.startsWith("Other/") && p.contains("VID_20190704") && p.endsWith(".nfo"))
        .anyMatch(p -> p.startsWith("TV Shows/Game of Thrones") && p.contains("S02E01") && p.endsWith(".en.srt"));
  }
}
