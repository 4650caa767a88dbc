package org.videoorganizer.daemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.videoorganizer.daemon.testsupport.StepClock;

class StabilityTest {

  private final StepClock clock = new StepClock();
  private final Stability stability = new Stability(Duration.ofSeconds(10), clock);

  private void advanceSeconds(int s) {
    clock.advance(Duration.ofSeconds(s));
  }

  @Test
  void aFileIsStableOnceUnchangedForTheWholeWindow() {
    assertThat(stability.observe("a.mkv", 100, 1)).isFalse();
    advanceSeconds(9);
    assertThat(stability.observe("a.mkv", 100, 1)).isFalse();
    advanceSeconds(1);
    assertThat(stability.observe("a.mkv", 100, 1)).isTrue();
  }

  @Test
  void aGrowingFileNeverBecomesStable() {
    for (int i = 0; i < 10; i++) {
      assertThat(stability.observe("growing.mkv", 100L * i, 1)).isFalse();
      advanceSeconds(9);
    }
    assertThat(stability.waiting()).isEqualTo(1);
  }

  @Test
  void aChangedMtimeRestartsTheWindowEvenWhenItGoesBackwards() {
    stability.observe("a.mkv", 100, 5_000);
    advanceSeconds(8);
    assertThat(stability.observe("a.mkv", 100, 1_000)).isFalse();
    advanceSeconds(8);
    assertThat(stability.observe("a.mkv", 100, 1_000)).isFalse();
  }

  @Test
  void forgottenFilesStartOver() {
    stability.observe("a.mkv", 1, 1);
    advanceSeconds(20);
    stability.retainOnly(Set.of());
    assertThat(stability.observe("a.mkv", 1, 1)).isFalse();
  }
}
