package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.videoorganizer.jellyfin.confirm.ConfirmationState;

class VideoStateTest {

  @Test
  void onlyTheStatesAStageMovesOnByItselfAreInProgress() {
    assertThat(VideoState.where(VideoState::inProgress)).containsExactlyInAnyOrder(VideoState.DISCOVERED,
        VideoState.FINGERPRINTED, VideoState.IDENTIFIED, VideoState.ANALYZED);
    assertThat(VideoState.where(VideoState::terminal)).doesNotContainAnyElementsOf(VideoState.where(VideoState::inProgress))
        .hasSize(VideoState.values().length - 4);
  }

  @Test
  void jellyfinsVerdictsAreStatesInTheLibrary() {
    assertThat(VideoState.where(VideoState::inLibrary)).containsExactlyInAnyOrder(VideoState.ORGANIZED,
        VideoState.ANNOUNCED, VideoState.CONFIRMED, VideoState.MISMATCHED);
  }

  @Test
  void aPersonMustActOnAQuestionAFailureAndAMismatch() {
    assertThat(VideoState.where(VideoState::needsPerson)).containsExactlyInAnyOrder(VideoState.NEEDS_REVIEW,
        VideoState.FAILED, VideoState.MISMATCHED);
    assertThat(VideoState.where(VideoState::problem)).containsExactlyInAnyOrder(VideoState.NEEDS_REVIEW,
        VideoState.FAILED, VideoState.MISMATCHED, VideoState.REJECTED, VideoState.VANISHED);
  }

  @Test
  void onlyConfirmedAndMismatchedConfirmationsChangeTheVideo() {
    assertThat(VideoState.after(ConfirmationState.CONFIRMED)).contains(VideoState.CONFIRMED);
    assertThat(VideoState.after(ConfirmationState.MISMATCHED)).contains(VideoState.MISMATCHED);
    for (ConfirmationState other : new ConfirmationState[] {ConfirmationState.WAITING, ConfirmationState.DELETED,
        ConfirmationState.MISSING}) {
      assertThat(VideoState.after(other)).isEqualTo(Optional.empty());
    }
  }

  @Test
  void theAnnounceStepReplacesAnythingButJellyfinsVerdict() {
    assertThat(VideoState.where(s -> !VideoState.ANNOUNCED.mayReplace(s)))
        .containsExactlyInAnyOrder(VideoState.CONFIRMED, VideoState.MISMATCHED);
    assertThat(VideoState.where(s -> !VideoState.ORGANIZED.mayReplace(s))).isEmpty();
  }

  @Test
  void databaseNamesRoundTrip() {
    for (VideoState s : VideoState.values()) {
      assertThat(VideoState.of(s.db())).isEqualTo(s);
    }
  }
}
