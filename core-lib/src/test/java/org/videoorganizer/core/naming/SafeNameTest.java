package org.videoorganizer.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeNameTest {

  private final JellyfinNaming naming = JellyfinNaming.defaults();

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Mission: Impossible     | Mission - Impossible",
      "10:30 to Yuma           | 10-30 to Yuma",
      "AC/DC: Let There Be Rock | AC-DC - Let There Be Rock",
      "Who\\What               | Who-What",
      "`A|B`                   | A-B",
      "Say \"Hi\"              | Say 'Hi'",
      "What?                   | What",
      "<Stars*>                | Stars",
      "...hack                 | hack",
      "Dr.                     | Dr",
      "`Trailing.. . `         | Trailing",
      "`  many   spaces  `     | many spaces",
  })
  void replacesCharactersThatBreakOnSomeFilesystem(String raw, String expected) {
    assertThat(SafeName.clean(raw)).isEqualTo(expected);
  }

  @Test
  void replacesControlCharactersAndBidiOverrides() {
    assertThat(SafeName.clean("A\nB\tC\u0000D\u007fE\u0085F")).isEqualTo("A B C D E F");
    assertThat(SafeName.clean("evil\u202Evkm.exe")).isEqualTo("evil vkm.exe");
  }

  @Test
  void normalizesToNfc() {
    String nfd = "Cafe\u0301";
    assertThat(SafeName.clean(nfd)).isEqualTo("Caf\u00e9");
  }

  @Test
  void makesWindowsDeviceNamesHarmless() {
    assertThat(SafeName.component("CON", "x")).isEqualTo("_CON");
    assertThat(SafeName.component("nul.txt", "x")).isEqualTo("_nul.txt");
    assertThat(SafeName.component("Console", "x")).isEqualTo("Console");
    assertThat(SafeName.component(" . ", "fallback")).isEqualTo("fallback");
  }

  @Test
  void cutsAtACodePointBoundary() {
    String s = "日本語のタイトル"; // 3 bytes per character
    assertThat(SafeName.cut(s, 7)).isEqualTo("日本");
    assertThat(SafeName.cut("a😀b", 4)).isEqualTo("a");
    assertThat(SafeName.cut("a😀b", 5)).isEqualTo("a😀");
  }

  @Test
  void keepsEveryComponentWithin255BytesAndKeepsYearIdTagAndExtension() {
    String longTitle = "長".repeat(200); // 600 bytes
    var id = MediaIdentity.movie(longTitle, 2020).withIds(123456L, null, null).withVersionLabel("1080p");
    LibraryPath p = naming.video(id, "mkv");
    for (String c : p.relative().split("/")) {
      assertThat(c.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    }
    String folder = p.folders().get(1);
    assertThat(folder).startsWith("長").endsWith(" (2020) [tmdbid-123456]");
    assertThat(p.fileName()).startsWith(folder).endsWith(" - 1080p.mkv");
    var sub = naming.subtitle(p, new org.videoorganizer.core.parse.SubtitleFacts("eng", true, true, true), "srt");
    assertThat(sub.fileName().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
  }

  @Test
  void cutsTheEpisodeTitleBeforeTheShowTitle() {
    var id = MediaIdentity.episode("Show", 2001, 1, List.of(2)).withEpisodeTitle("x".repeat(400));
    LibraryPath p = naming.video(id, "mkv");
    assertThat(p.baseName()).startsWith("Show S01E02 - xxx");
    assertThat(p.baseName().length()).isEqualTo(JellyfinNaming.VIDEO_BASE_BYTES);
  }

  @Test
  void aTitleOfOnlyForbiddenCharactersGetsAFallbackName() {
    LibraryPath p = naming.video(MediaIdentity.movie("???", 2001), "mkv");
    assertThat(p.relative()).isEqualTo("Movies/(2001)/(2001).mkv");
    LibraryPath q = naming.video(MediaIdentity.movie("...", null), "mkv");
    assertThat(q.relative()).isEqualTo("Movies/Untitled/Untitled.mkv");
  }
}
