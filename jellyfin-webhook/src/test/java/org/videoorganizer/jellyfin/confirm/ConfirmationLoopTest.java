package org.videoorganizer.jellyfin.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.failure;
import static org.videoorganizer.jellyfin.fake.Await.result;
import static org.videoorganizer.jellyfin.fake.Await.until;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.client.StartupReport;
import org.videoorganizer.jellyfin.fake.FakeItem;
import org.videoorganizer.jellyfin.webhook.WebhookEvent;
import org.videoorganizer.jellyfin.webhook.WebhookRoutes;

class ConfirmationLoopTest {

  static final Duration LIMIT = Duration.ofSeconds(8);

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
  void anAnnouncedMovieIsConfirmedByTheItemAddedWebhook() {
    harness(s -> s);

    result(h.publish("Heat", 1995, "949"));

    until(LIMIT, "Heat confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);
    Confirmation c = h.confirmation("Heat").orElseThrow();
    assertThat(c.itemId()).hasValueSatisfying(id -> assertThat(id).hasSize(32));
    assertThat(c.jellyfinPath()).isEqualTo("/media/Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv");
    assertThat(h.routes.accepted()).isEqualTo(1);
  }

  @Test
  void aHundredFilesLandingTogetherAreAFewAnnouncementsAndAllConfirmed() {
    harness(s -> s);
    List<Future<Void>> all = new ArrayList<>();

    for (int i = 0; i < 100; i++) {
      all.add(h.publish("Film " + i, 2000 + i % 20, String.valueOf(5000 + i)));
    }
    result(Future.all(all));

    until(LIMIT, "100 confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 100);
    assertThat(h.fake.calls("POST", "/Library/Media/Updated")).isBetween(1, 5);
    assertThat(h.fake.calls("POST", "/Library/Refresh")).isZero();
  }

  @Test
  void anItemJellyfinAddedBeforeWeExpectedItIsCheckedAtOnce() throws IOException {
    harness(s -> s.withWebhookWait(Duration.ofSeconds(30)));
    String name = "The Matrix (1999) [tmdbid-603]";
    Path early = Files.createDirectories(h.movies.resolve(name)).resolve(name + ".mkv");
    Files.writeString(early, "published, not yet announced");

    result(h.publish("Heat", 1995, "949"));
    until(LIMIT, "Heat confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);
    until(LIMIT, "both ItemAdded posts received", () -> h.routes.accepted() == 2);
    pause(300); // and read back (25 ms window, one /Items call)
    result(h.expectAndAnnounce(early, "603"));

    until(LIMIT, "the early item confirmed well before the 30 s webhook wait",
        () -> h.count(ConfirmationState.CONFIRMED) == 2);
  }

  @Test
  void lostWebhooksAreMadeUpForByPolling() {
    harness(s -> s.withWebhookWait(Duration.ofMillis(200)));
    h.fake.dropWebhooks(true);

    result(h.publish("Ronin", 1998, "8195"));

    until(LIMIT, "Ronin confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);
    assertThat(h.fake.webhooksSent()).isZero();
    assertThat(h.fake.requests()).anySatisfy(r -> assertThat(r.query()).contains("sortBy=DateCreated"));
  }

  @Test
  void duplicateWebhooksConfirmOnceWithoutExtraCorrections() {
    harness(s -> s);
    h.fake.duplicateWebhooks(true);

    result(h.publish("Collateral", 2004, "1538"));

    until(LIMIT, "confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);
    assertThat(h.routes.accepted()).isEqualTo(1);
  }

  @Test
  void aWrongMatchIsMismatchedThenCorrectedThenConfirmed() {
    harness(s -> s.withWebhookWait(Duration.ofMillis(200)));
    h.fake.identifyAs("The Insider (1999)", "9999");

    result(h.publish("The Insider", 1999, "9008"));

    until(LIMIT, "Insider confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);
    Confirmation c = h.confirmation("The Insider").orElseThrow();
    assertThat(h.store.history("The Insider")).containsSubsequence(
        ConfirmationState.WAITING, ConfirmationState.MISMATCHED, ConfirmationState.CONFIRMED);
    assertThat(c.corrections()).isEqualTo(1);
    assertThat(c.seenTmdbId()).contains("9999");
    assertThat(c.note()).contains("after correcting 9999");
    assertThat(h.fake.calls("POST", "/Items/RemoteSearch/Apply/" + c.itemId().orElseThrow())).isEqualTo(1);
    assertThat(h.fake.calls("POST", "/Items/" + c.itemId().orElseThrow() + "/Refresh")).as("Apply refreshes").isZero();
    assertThat(h.fake.items()).singleElement().extracting(FakeItem::tmdbId).isEqualTo("9008");
  }

  @Test
  void aCorrectionThatDoesNotStickStaysMismatchedAfterTwoAttempts() {
    harness(s -> s.withWebhookWait(Duration.ofMillis(100)));
    h.fake.identifyAs("Thief (1981)", "1").ignoreApply(true);

    result(h.publish("Thief", 1981, "11524"));

    until(LIMIT, "given up", () -> h.confirmation("Thief").map(c -> c.state() == ConfirmationState.MISMATCHED
        && c.nextCheckAt().isEmpty()).orElse(false));
    ConfirmationStatus status = result(h.loop.status(10));
    assertThat(status.mismatched()).singleElement().satisfies(c -> {
      assertThat(c.corrections()).isEqualTo(ConfirmationLoop.MAX_CORRECTIONS);
      assertThat(c.note()).contains("Identify");
    });
    assertThat(status.toJson().getJsonObject("counts").getLong("mismatched")).isEqualTo(1);
  }

  @Test
  void aFileJellyfinNeverShowsIsReportedMissing() {
    harness(s -> s.withWebhookWait(Duration.ofMillis(100)).withGiveUpAfter(Duration.ofMillis(700)));
    Path neverWritten = h.movies.resolve("Ghost (1990)/Ghost (1990).mkv");

    result(h.expectAndAnnounce(neverWritten, "251"));

    until(LIMIT, "missing", () -> h.count(ConfirmationState.MISSING) == 1);
    assertThat(result(h.loop.status(10)).missing()).singleElement()
        .satisfies(c -> assertThat(c.localPath()).isEqualTo(neverWritten));
  }

  @Test
  void anItemDeletedInJellyfinIsReportedDeleted() {
    harness(s -> s);
    result(h.publish("Manhunter", 1986, "11454"));
    until(LIMIT, "confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);

    h.fake.deleteItem(h.confirmation("Manhunter").orElseThrow().itemId().orElseThrow());

    until(LIMIT, "deleted", () -> h.count(ConfirmationState.DELETED) == 1);
    assertThat(result(h.loop.status(10)).deleted()).hasSize(1);
  }

  @Test
  void anItemDeletedClaimForAnItemJellyfinStillHasChangesNothing() {
    harness(s -> s);
    result(h.publish("Blackhat", 2015, "201088"));
    until(LIMIT, "confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);
    String id = h.confirmation("Blackhat").orElseThrow().itemId().orElseThrow();

    result(h.loop.handle(new WebhookEvent(WebhookEvent.Type.ITEM_DELETED, id, "Movie", Instant.now())));

    assertThat(h.count(ConfirmationState.CONFIRMED)).isEqualTo(1);
  }

  @Test
  void anItemAddedForSomethingNotOursChangesNothing() {
    harness(s -> s);
    FakeItem other = h.fake.putItem(new FakeItem("11111111111111111111111111111111", "Other", "Movie",
        "/media/Movies/Other/Other.mkv", Map.of("Tmdb", "1"), Instant.now(), "lib", 2000));

    result(h.loop.handle(new WebhookEvent(WebhookEvent.Type.ITEM_ADDED, other.id(), "Movie", Instant.now())));

    assertThat(h.store.saved).isEmpty();
  }

  @Test
  void jellyfinDownAtStartStopsNothingAndFilesAreConfirmedOnceItIsBack() throws Exception {
    harness(s -> s.withWebhookWait(Duration.ofMillis(300)));
    result(h.fake.goDown());
    StartupReport report = result(h.client.checkAtStart(List.of(h.movies)));
    assertThat(report).isInstanceOf(StartupReport.Unreachable.class);

    Future<Void> published = h.publish("Miami Vice", 2006, "82");
    until(LIMIT, "a failed announcement", () -> h.announcer.calls() >= 2);
    result(h.fake.comeBack());

    result(published);
    until(LIMIT, "confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);
    assertThat(Files.exists(h.movies.resolve("Miami Vice (2006) [tmdbid-82]"))).isTrue();
  }

  Path episodeFile(String show, String name) throws IOException {
    Path episode = Files.createDirectories(box.resolve("Shows").resolve(show).resolve("Season 01")).resolve(name);
    Files.writeString(episode, "x");
    return episode;
  }

  FakeItem series(String show) {
    return h.fake.itemAt("/media/Shows/" + show).orElseThrow();
  }

  @Test
  void anEpisodeIsConfirmedByItsSeriesTmdbIdAndItsNumbers() throws Exception {
    harness(s -> s);
    Path first = episodeFile("Dark (2017) [tmdbid-70523]", "Dark (2017) S01E01 - Secrets.mkv");
    Path second = episodeFile("Dark (2017) [tmdbid-70523]", "Dark (2017) S01E02-E03 - Lies.mkv");

    result(Future.all(h.expectEpisodeAndAnnounce(first, "70523", EpisodeNumbers.single(1, 1)),
        h.expectEpisodeAndAnnounce(second, "70523", new EpisodeNumbers(1, 2, 3))));

    until(LIMIT, "episodes confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 2);
    FakeItem episode = h.fake.itemAt("/media/Shows/Dark (2017) [tmdbid-70523]/Season 01/Dark (2017) S01E01 - Secrets.mkv")
        .orElseThrow();
    assertThat(episode.tmdbId()).as("the episode item carries its own TMDB id, not the show's")
        .isNotEmpty().isNotEqualTo("70523");
    assertThat(h.confirmation("S01E01").orElseThrow().note()).contains("S01E01", "series TMDB 70523");
    assertThat(h.confirmation("S01E02").orElseThrow().note()).contains("S01E02-E03");
    String seriesId = series("Dark (2017) [tmdbid-70523]").id();
    assertThat(h.fake.requests()).as("the series read with its provider ids")
        .anyMatch(c -> c.query() != null && c.query().contains(seriesId) && c.query().contains("fields=ProviderIds"));
    assertThat(h.fake.calls("POST", "/Items/RemoteSearch/Apply/" + seriesId)).isZero();
  }

  @Test
  void anEpisodeWhoseSeriesJellyfinMatchedToAnotherShowIsCorrectedOnTheSeries() throws Exception {
    harness(s -> s);
    h.fake.identifyAs("/media/Shows/Dark (2017)", "1111");
    Path episode = episodeFile("Dark (2017) [tmdbid-70523]", "Dark (2017) S01E04 - Double Lives.mkv");

    result(h.expectEpisodeAndAnnounce(episode, "70523", EpisodeNumbers.single(1, 4)));

    until(LIMIT, "episode confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);
    FakeItem series = series("Dark (2017) [tmdbid-70523]");
    assertThat(series.tmdbId()).isEqualTo("70523");
    assertThat(h.fake.calls("POST", "/Items/RemoteSearch/Apply/" + series.id())).isEqualTo(1);
    assertThat(h.fake.calls("POST", "/Items/" + series.id() + "/Refresh")).as("Apply refreshes the series").isZero();
    FakeItem item = h.fake.itemAt("/media/Shows/Dark (2017) [tmdbid-70523]/Season 01/Dark (2017) S01E04 - Double Lives.mkv")
        .orElseThrow();
    assertThat(h.fake.calls("POST", "/Items/RemoteSearch/Apply/" + item.id())).as("never applied to the episode").isZero();
    Confirmation c = h.confirmation("S01E04").orElseThrow();
    assertThat(c.corrections()).isEqualTo(1);
    assertThat(c.seenTmdbId()).contains("1111");
    assertThat(c.note()).contains("after correcting the series from 1111");
    assertThat(h.store.history("S01E04")).contains(ConfirmationState.MISMATCHED);
  }

  @Test
  void anEpisodeJellyfinNumbersDifferentlyIsReportedNotCorrected() throws Exception {
    harness(s -> s);
    Path episode = episodeFile("Dark (2017) [tmdbid-70523]", "Dark (2017) S01E03 - Past and Present.mkv");

    result(h.expectEpisodeAndAnnounce(episode, "70523", EpisodeNumbers.single(1, 2)));

    until(LIMIT, "episode mismatched", () -> h.count(ConfirmationState.MISMATCHED) == 1);
    ConfirmationStatus status = result(h.loop.status(10));
    assertThat(status.mismatched()).singleElement().satisfies(c -> {
      assertThat(c.note()).contains("S01E03", "instead of our S01E02", "not corrected");
      assertThat(c.nextCheckAt()).as("settled, listed for review").isEmpty();
    });
    assertThat(status.toJson().getJsonArray("mismatched").getJsonObject(0).getString("episode")).isEqualTo("S01E02");
    pause(300);
    assertThat(h.fake.requests()).noneMatch(r -> r.path().startsWith("/Items/RemoteSearch/Apply"));
    assertThat(h.count(ConfirmationState.CONFIRMED)).isZero();
  }

  @Test
  void hostileWebhooksWithPathsAndOddIdsChangeNothingOnDiskOrInTheStore() throws Exception {
    harness(s -> s);
    result(h.publish("Heat", 1995, "949"));
    until(LIMIT, "confirmed", () -> h.count(ConfirmationState.CONFIRMED) == 1);
    List<Path> before = listing();
    List<Confirmation> saved = List.copyOf(h.store.saved);
    String realId = h.confirmation("Heat").orElseThrow().itemId().orElseThrow();
    String file = h.confirmation("Heat").orElseThrow().localPath().toString();
    WebClient web = WebClient.create(h.vertx);
    for (String body : List.of(
        "{\"NotificationType\":\"ItemDeleted\",\"ItemId\":\"" + realId + "\",\"Path\":\"" + file + "\"}",
        "{\"NotificationType\":\"ItemAdded\",\"ItemId\":\"../../" + realId + "\"}",
        "{\"NotificationType\":\"ItemAdded\",\"ItemId\":\"" + realId + "\",\"Provider_tmdb\":\"1\",\"Path\":\"/etc\"}")) {
      result(web.postAbs(h.webhookUrl()).putHeader(WebhookRoutes.SECRET_HEADER,
          Harness.SECRET).sendBuffer(Buffer.buffer(body)));
    }

    Thread.sleep(200);
    assertThat(listing()).isEqualTo(before);
    assertThat(Files.readString(Path.of(file))).isEqualTo("video bytes of Heat");
    assertThat(h.count(ConfirmationState.CONFIRMED)).isEqualTo(1);
    assertThat(h.store.saved.subList(saved.size(), h.store.saved.size()))
        .allSatisfy(c -> assertThat(c.state()).isEqualTo(ConfirmationState.CONFIRMED));
  }

  List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.walk(box)) {
      return files.sorted().toList();
    }
  }

  @Test
  void aStopEndsTheLoopDuringACheckJellyfinIsSlowToAnswerAndLeavesTheRecordDue() {
    harness(s -> s.withWebhookWait(Duration.ofMillis(100)).withRequestTimeout(Duration.ofMinutes(5)));
    h.fake.slow(Duration.ofMinutes(10));
    Path file = h.movies.resolve("Thief (1981)/Thief (1981).mkv");
    result(h.loop.expect(file, "11524"));
    until(LIMIT, "the check asked Jellyfin", () -> h.fake.requests().stream().anyMatch(r -> r.path().equals("/Items")));
    assertThat(h.loop.running()).isTrue();

    h.loop.stop();

    assertThat(h.loop.running()).as("interrupted, not waiting for Jellyfin's answer").isFalse();
    Confirmation c = h.confirmation("Thief").orElseThrow();
    assertThat(c.state()).isEqualTo(ConfirmationState.WAITING);
    assertThat(c.checks()).as("the check cut short is not counted").isZero();
    assertThat(c.isDue(Instant.now())).as("looked at again after a restart").isTrue();
    assertThat(failure(h.loop.handle(new WebhookEvent(WebhookEvent.Type.ITEM_ADDED, "0123456789abcdef0123456789abcdef",
        "Movie", Instant.now())))).hasMessageContaining("stopping");
  }

  @Test
  void refusesToExpectAPathOutsideThePathMapOrAMalformedTmdbId() {
    harness(s -> s);

    assertThat(failure(h.loop.expect(Path.of("/elsewhere/x.mkv"), "1"))).hasMessageContaining("/elsewhere/x.mkv");
    assertThat(failure(h.loop.expect(h.movies.resolve("x.mkv"), "tt123"))).hasMessageContaining("'tt123'");
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
