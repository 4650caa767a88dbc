package org.videoorganizer.jellyfin.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;
import static org.videoorganizer.jellyfin.fake.Await.until;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.jellyfin.fake.FakeRecorder;

/**
 * The figures issue 7 asks for: Jellyfin calls per 100 files landing together, and the time
 * from landing to confirmed with a short debounce (50 ms announce debounce, 30 ms fake
 * LibraryMonitorDelay, 20 ms fake plugin tick), after a warm-up round. Prints them.
 */
@Tag("slow")
class HundredFilesScenarioTest {

  @TempDir Path box;

  @Test
  void reportsCallsAndLatencyForAHundredFilesLandingTogether() {
    try (Harness h = new Harness(box, s -> s)) {
      round(h, "Warmup", 20);
      int before = h.fake.requests().size();
      int announceBefore = h.fake.calls("POST", "/Library/Media/Updated");

      Instant landed = Instant.now();
      round(h, "Film", 100);
      Duration all = Duration.between(landed, Instant.now());

      List<Long> millis = result(h.store.inAnyState()).stream()
          .filter(c -> c.localPath().toString().contains("Film "))
          .map(c -> Duration.between(h.landed.get(c.jellyfinPath()), c.updatedAt()).toMillis()).sorted().toList();
      Map<String, Integer> calls = new TreeMap<>();
      List<FakeRecorder.Call> requests = h.fake.requests();
      requests.subList(before, requests.size()).forEach(r -> calls.merge(r.method() + " "
          + r.path().replaceAll("[0-9a-f]{32}", "{id}"), 1, Integer::sum));
      int announces = h.fake.calls("POST", "/Library/Media/Updated") - announceBefore;
      System.out.printf("100 files: %d announce calls, Jellyfin calls by endpoint %s%n", announces, calls);
      System.out.printf("each file, written -> confirmed: median %d ms, p95 %d ms, max %d ms;"
          + " first written -> all confirmed %d ms%n", millis.get(49), millis.get(94), millis.get(99), all.toMillis());
      assertThat(millis).hasSize(100);
      assertThat(announces).isLessThanOrEqualTo(5);
    }
  }

  private static void round(Harness h, String prefix, int count) {
    long confirmedBefore = h.count(ConfirmationState.CONFIRMED);
    List<Future<Void>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(h.publish(prefix + " " + i, 2000 + i % 20, String.valueOf(7000 + i + (prefix.length() * 1000))));
    }
    result(Future.all(all));
    until(Duration.ofSeconds(30), count + " confirmed",
        () -> h.count(ConfirmationState.CONFIRMED) == confirmedBefore + count);
  }
}
