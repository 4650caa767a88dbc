package org.videoorganizer.jellyfin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathMapTest {

  final PathMap map = PathMap.parse("/mnt/box=/media;/mnt/box/Movies=/media/Movies;/mnt/win=D:\\Media");

  @Test
  void mapsADaemonPathToTheJellyfinPathByTheLongestRule() {
    assertThat(map.toJellyfin(Path.of("/mnt/box/Movies/Heat (1995)/Heat (1995).mkv")))
        .contains("/media/Movies/Heat (1995)/Heat (1995).mkv");
    assertThat(map.toJellyfin(Path.of("/mnt/box/Shows/X"))).contains("/media/Shows/X");
  }

  @Test
  void matchesWholeComponentsOnly() {
    assertThat(map.toJellyfin(Path.of("/mnt/boxes/Movies/a.mkv"))).isEmpty();
  }

  @Test
  void joinsWithBackslashesForAWindowsServer() {
    assertThat(map.toJellyfin(Path.of("/mnt/win/Movies/a.mkv"))).contains("D:\\Media\\Movies\\a.mkv");
  }

  @Test
  void mapsJellyfinPathsBack() {
    assertThat(map.toLocal("/media/Movies/Heat (1995)/Heat (1995).mkv"))
        .contains(Path.of("/mnt/box/Movies/Heat (1995)/Heat (1995).mkv"));
    assertThat(map.toLocal("D:\\Media\\Movies\\a.mkv")).contains(Path.of("/mnt/win/Movies/a.mkv"));
    assertThat(map.toLocal("/elsewhere/a.mkv")).isEmpty();
  }

  @Test
  void refusesJellyfinPathsThatClimbOutOfTheirRule() {
    assertThat(map.toLocal("/media/Movies/../../../etc/passwd")).isEmpty();
  }

  @Test
  void withoutRulesBothSidesSeeTheSamePaths() {
    assertThat(PathMap.parse("").toJellyfin(Path.of("/srv/Movies/a.mkv"))).contains("/srv/Movies/a.mkv");
  }

  @Test
  void rejectsAMalformedEntryNamingIt() {
    assertThatThrownBy(() -> PathMap.parse("/mnt/box/Movies"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/mnt/box/Movies'")
        .hasMessageContaining("jellyfin.path_map").hasMessageContaining("VORG_JELLYFIN_PATH_MAP");
    assertThatThrownBy(() -> PathMap.parse("relative=/media"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute").hasMessageContaining("relative")
        .hasMessageContaining("jellyfin.path_map").hasMessageContaining("VORG_JELLYFIN_PATH_MAP");
  }
}
