package org.videoorganizer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {

  /** A clock the test moves. */
  static final class Hands extends Clock {
    Instant now = Instant.parse("2026-12-05T10:00:00Z");

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  final Hands clock = new Hands();
  final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(8));

  @Test
  void aSessionIdleLongerThanTheIdleTimeHasExpired() {
    var s = sessions.open();
    clock.now = clock.now.plus(Duration.ofMinutes(29));
    assertThat(sessions.touch(s.id())).isPresent();
    clock.now = clock.now.plus(Duration.ofMinutes(31));
    assertThat(sessions.touch(s.id())).isEmpty();
  }

  @Test
  void aSessionInUseEndsAtItsLifetime() {
    var s = sessions.open();
    for (int i = 0; i < 16; i++) {
      clock.now = clock.now.plus(Duration.ofMinutes(29));
      assertThat(sessions.touch(s.id())).as("after %d minutes", 29 * (i + 1)).isPresent();
    }
    clock.now = clock.now.plus(Duration.ofMinutes(29)); // 8 h 3 min after the login
    assertThat(sessions.touch(s.id())).isEmpty();
  }

  @Test
  void aClosedOrUnknownSessionIsGoneAndEachLoginGetsNewTokens() {
    var a = sessions.open();
    var b = sessions.open();
    assertThat(a.id()).isNotEqualTo(b.id()).hasSize(43);
    assertThat(a.csrf()).isNotEqualTo(b.csrf()).isNotEqualTo(a.id());
    sessions.close(a.id());
    assertThat(sessions.touch(a.id())).isEmpty();
    assertThat(sessions.touch("made-up")).isEmpty();
    assertThat(sessions.touch(null)).isEmpty();
    assertThat(b.csrfMatches(b.csrf())).isTrue();
    assertThat(b.csrfMatches(a.csrf())).isFalse();
    assertThat(b.csrfMatches(null)).isFalse();
  }

  @Test
  void anIdleTimeLongerThanTheLifetimeIsRefused() {
    assertThatThrownBy(() -> new Sessions(clock, Duration.ofHours(9), Duration.ofHours(8)))
        .hasMessageContaining("at most the lifetime");
  }
}
