package org.videoorganizer.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.videoorganizer.gpu.extract.MediaProbe;

class HomeVideoTitleTest {

  @Test
  void aHomeVideoGetsItsDateAndTheFirstSentenceOfItsDescription() {
    var probe = new MediaProbe("mp4", Duration.ofMinutes(3), "h264", 1920, 1080, 30, List.of(), null);
    var home = new AnalysisReport("VID_0001.mp4", probe, Optional.empty(), List.of(), List.of(),
        Optional.of("Children playing on a beach in summer. The sea is calm."), Optional.of("home_video"),
        Optional.empty(), Optional.empty(), RemoteStatus.DONE, "", List.of(), 10, 900);
    var film = new AnalysisReport("a.mkv", probe, Optional.empty(), List.of(), List.of(),
        Optional.of("A chase in the desert."), Optional.of("movie"), Optional.empty(), Optional.empty(),
        RemoteStatus.DONE, "", List.of(), 10, 900);

    assertThat(HomeVideoTitle.of(home, LocalDate.of(2019, 7, 14))).contains("2019-07-14 Children playing on a beach in summer");
    assertThat(HomeVideoTitle.of(film, LocalDate.of(2019, 7, 14))).isEmpty();
  }
}
