package org.videoorganizer.daemon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;

/** Where the analyze step sends a video it does not analyse (the analysing itself: DaemonAnalysisTest). */
class AnalyzeStageTest {

  private final AnalyzeStage withoutAnalysis = new AnalyzeStage(null, v -> {
    throw new AssertionError("no group is read for a video that is not analysed");
  }, Optional.empty(), (group, report) -> new Identification.Review("never asked"));

  private static Video in(VideoState state) {
    return new Video(7, "in", "VID_0001.mp4", "VID_0001.mp4", 10, 0, Optional.of("q"), Optional.of("h"), state,
        Optional.empty(), List.of(), true);
  }

  private static final Job JOB = new Job(1, 7, "analyze", 1, 1, "w");

  @Test
  void anIdentifiedVideoGoesOnToOrganizeUntouched() throws Exception {
    var step = withoutAnalysis.run(in(VideoState.IDENTIFIED), JOB, () -> { });
    assertThat(step.changes()).isEmpty();
    assertThat(step.next()).contains("organize");
  }

  @Test
  void aVideoSentForAnalysisBeforeAnalysisWasTurnedOffIsIdentifiedAgainWithoutIt() throws Exception {
    var step = withoutAnalysis.run(in(VideoState.FINGERPRINTED), JOB, () -> { });
    assertThat(step.next()).contains("identify");
    assertThat(step.changes()).containsExactly(new Change.StateChanged(7, VideoState.FINGERPRINTED, null));
  }

  @Test
  void aVideoInAnotherStateIsLeftAlone() throws Exception {
    var step = withoutAnalysis.run(in(VideoState.NEEDS_REVIEW), JOB, () -> { });
    assertThat(step.changes()).isEmpty();
    assertThat(step.next()).isEmpty();
  }
}
