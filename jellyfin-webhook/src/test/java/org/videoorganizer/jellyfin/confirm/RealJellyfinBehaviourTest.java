package org.videoorganizer.jellyfin.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;
import static org.videoorganizer.jellyfin.fake.Await.until;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.fake.FakeItem;
import org.videoorganizer.jellyfin.fake.FakeRecorder;

/**
 * The loop against the behaviours of the real server and Webhook plugin that the first fake hid
 * (issue #17), each simulated by the fake with scaled timings.
 */
class RealJellyfinBehaviourTest {

  static final Duration LIMIT = Duration.ofSeconds(10);
  /** One minute of Jellyfin's and the plugin's real timings lasts this long in the plugin-hold test. */
  static final long MINUTE_MILLIS = 200;

  @TempDir Path box;
  Harness h;

  Harness harness(UnaryOperator<JellyfinSettings> tune) {
    h = new Harness(box, tune);
    return h;
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void aSeriesCorrectionWaitsForJellyfinsWholeRefreshAndIsSentOnceWithoutARefresh() throws IOException {
    harness(s -> s.withRequestTimeout(Duration.ofMillis(200)).withWebhookWait(Duration.ofMillis(100)));
    // Apply answers after refreshing the series and its 3 episodes: 4 x 150 ms, beyond the 200 ms request timeout.
    h.fake.applyTakes(Duration.ofMillis(150)).identifyAs("Dark (2017)", "1111");
    Path season = Files.createDirectories(box.resolve("Shows/Dark (2017) [tmdbid-70523]/Season 01"));
    for (int e = 1; e <= 3; e++) {
      Path file = Files.writeString(season.resolve("Dark (2017) S01E0" + e + ".mkv"), "episode " + e);
      result(h.expectEpisodeAndAnnounce(file, "70523", EpisodeNumbers.single(1, e)));
    }

    until(LIMIT, "3 episodes confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 3);
    assertThat(posts("/Items/RemoteSearch/Apply/")).as("one Apply for the series, never resent").isEqualTo(1);
    assertThat(h.fake.mostAppliesAtOnce()).isEqualTo(1);
    assertThat(posts("/Refresh")).as("Apply already refreshed the series").isZero();
    assertThat(h.store.saved).noneSatisfy(c -> assertThat(c.note()).contains("failed"));
  }

  @Test
  void aLongApplyDoesNotHoldUpConfirmingOtherVideos() throws IOException {
    harness(s -> s.withWebhookWait(Duration.ofMillis(100)));
    h.fake.applyTakes(Duration.ofSeconds(2)).identifyAs("Dark (2017)", "1111");
    Path season = Files.createDirectories(box.resolve("Shows/Dark (2017) [tmdbid-70523]/Season 01"));
    Path episode = Files.writeString(season.resolve("Dark (2017) S01E01.mkv"), "episode 1");
    result(h.expectEpisodeAndAnnounce(episode, "70523", EpisodeNumbers.single(1, 1)));
    until(LIMIT, "the series Apply under way", () -> posts("/Items/RemoteSearch/Apply/") == 1);

    h.fake.dropWebhooks(true);
    result(h.publish("Heat", 1995, "949"));

    until(Duration.ofMillis(3000), "Heat confirmed while the series Apply still runs",
        () -> h.confirmation("Heat").map(c -> c.state() == ConfirmationState.CONFIRMED).orElse(false));
    assertThat(h.fake.mostAppliesAtOnce()).isEqualTo(1);
    until(LIMIT, "the episode confirmed after the Apply", () -> h.count(ConfirmationState.CONFIRMED) == 2);
    assertThat(posts("/Items/RemoteSearch/Apply/")).isEqualTo(1);
  }

  @Test
  void onJellyfin12AMovieInACollectionIsFoundByPollingNotTheCollection() {
    harness(s -> s.withWebhookWait(Duration.ofMillis(100)).withGiveUpAfter(Duration.ofSeconds(3)));
    h.fake.asVersion12().collect("Alien (1979)", "Alien Collection").dropWebhooks(true);

    result(h.publish("Alien", 1979, "348"));

    until(LIMIT, "Alien settled", () -> h.count(ConfirmationState.WAITING) == 0);
    assertThat(h.confirmation("Alien").orElseThrow().state()).isEqualTo(ConfirmationState.CONFIRMED);
    assertThat(h.fake.requests()).anySatisfy(r -> assertThat(r.query()).contains("collapseBoxSetItems=false"));
  }

  @Test
  void aNewMovieWhoseFileKeepsAnOldTimeIsFoundBehindHundredsOfNewerItems() throws IOException {
    harness(s -> s.withWebhookWait(Duration.ofMillis(100)).withGiveUpAfter(Duration.ofSeconds(3)));
    h.fake.dropWebhooks(true);
    Instant yesterday = Instant.now().minus(Duration.ofDays(1));
    for (int i = 1; i <= 400; i++) {
      h.fake.putItem(new FakeItem(String.format("%032x", i), "Film " + i, "Movie",
          "/media/Other/Film " + i + "/Film " + i + ".mkv", Map.of("Tmdb", String.valueOf(100_000 + i)),
          yesterday.plusSeconds(i), "elsewhere", 2001));
    }
    // A hardlink from the inbox keeps the file's times: Jellyfin dates the item a year back.
    String name = "Heat (1995) [tmdbid-949]";
    Path file = Files.createDirectories(h.movies.resolve(name)).resolve(name + ".mkv");
    Files.writeString(file, "video bytes");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(365))));

    result(h.expectAndAnnounce(file, "949"));

    until(LIMIT, "Heat settled", () -> h.count(ConfirmationState.WAITING) == 0);
    assertThat(h.confirmation("Heat").orElseThrow().state()).isEqualTo(ConfirmationState.CONFIRMED);
  }

  @Test
  void withAPathSubstitutionOnTheServerTheRewrittenPathStillMatches() {
    harness(s -> s.withWebhookWait(Duration.ofMillis(200)).withGiveUpAfter(Duration.ofSeconds(3)));
    h.fake.pathSubstitution("/media", "\\\\nas\\media");

    result(h.publish("Ronin", 1998, "8195"));

    until(LIMIT, "Ronin settled", () -> h.count(ConfirmationState.WAITING) == 0);
    assertThat(h.confirmation("Ronin").orElseThrow().state()).isEqualTo(ConfirmationState.CONFIRMED);
    assertThat(h.fake.items()).singleElement().satisfies(i -> assertThat(i.path()).startsWith("/media/Movies/"));
  }

  @Test
  void theDefaultWebhookWaitOutlastsThePluginHoldingItemAddedUntilTheItemHasProviderIds() throws IOException {
    JellyfinSettings defaults = JellyfinSettings.of(URI.create("http://jellyfin:8096"), "key");
    harness(s -> s.withWebhookWait(scaled(defaults.webhookWait()))
        .withPollMaxInterval(scaled(defaults.pollMaxInterval())).withGiveUpAfter(scaled(defaults.giveUpAfter())));
    // Jellyfin scans after LibraryMonitorDelay (60 s), finds TMDB ids by name 3.5 minutes later; the
    // plugin looks at its queue every 30 s and holds the item meanwhile (up to 10 times).
    h.fake.libraryMonitorDelay(scaled(Duration.ofSeconds(60))).webhookTick(scaled(Duration.ofSeconds(30)))
        .metadataDelay(scaled(Duration.ofSeconds(210))).identifyAs("Heat (1995)", "949");
    Path file = Files.createDirectories(h.movies.resolve("Heat (1995)")).resolve("Heat (1995).mkv");
    Files.writeString(file, "no id in the name");

    result(h.expectAndAnnounce(file, "949"));

    until(LIMIT, "Heat confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);
    assertThat(h.routes.accepted()).isEqualTo(1);
    assertThat(h.fake.requests()).as("no poll while the plugin still held ItemAdded")
        .noneSatisfy(r -> assertThat(r.query()).contains("recursive"));
  }

  private long posts(String pathPart) {
    return h.fake.requests().stream().filter(r -> r.method().equals("POST"))
        .map(FakeRecorder.Call::path).filter(p -> p.contains(pathPart)).count();
  }

  private static Duration scaled(Duration real) {
    return Duration.ofMillis(Math.max(1, real.toMillis() * MINUTE_MILLIS / 60_000));
  }
}
