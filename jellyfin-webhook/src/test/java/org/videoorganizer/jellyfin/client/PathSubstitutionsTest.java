package org.videoorganizer.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathSubstitutionsTest {

  @ParameterizedTest(name = "{0} -> {1} shows {2} for {3}")
  @CsvSource(delimiter = '|', value = {
      // from         | to                  | shown                                   | original
      "/media         | \\\\nas\\media      | \\\\nas\\media\\Movies\\Heat\\Heat.mkv  | /media/Movies/Heat/Heat.mkv",
      "/media/        | /mnt/nas/media/     | /mnt/nas/media/Movies/Heat.mkv          | /media/Movies/Heat.mkv",
      "D:\\Media      | /srv/media          | /srv/media/Shows/Dark/S01E01.mkv        | D:\\Media\\Shows\\Dark\\S01E01.mkv",
      "/media         | /MNT/NAS            | /mnt/nas/Movies/Heat.mkv                | /media/Movies/Heat.mkv",
      "/media         | /mnt/nas            | /mnt/nasty/Movies/Heat.mkv              | /mnt/nasty/Movies/Heat.mkv",
      "/media         | /mnt/nas            | /other/Movies/Heat.mkv                  | /other/Movies/Heat.mkv",
  })
  void undoesTheServersSubstitutionOnAShownPath(String from, String to, String shown, String original) {
    PathSubstitutions subs = new PathSubstitutions(List.of(new PathSubstitutions.Rule(from, to)));

    assertThat(subs.original(shown)).isEqualTo(original);
  }
}
