package org.videoorganizer.jellyfin.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConfirmationStore} must do. Published in the test-jar: the daemon's
 * PostgreSQL store extends it and passes the same tests.
 */
public abstract class ConfirmationStoreContract {

  protected static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

  private ConfirmationStore store;

  /** A new, empty store. */
  protected abstract ConfirmationStore newStore();

  @BeforeEach
  void create() {
    store = newStore();
  }

  protected static Confirmation waiting(String name, Instant firstCheck) {
    return Confirmation.waiting(Path.of("/mnt/box/Movies/" + name + "/" + name + ".mkv"),
        "/media/Movies/" + name + "/" + name + ".mkv", "603", T0, firstCheck);
  }

  @Test
  void savingTheSamePathAgainReplacesTheRecord() {
    Confirmation c = waiting("A", T0.plusSeconds(60));
    result(store.save(c));
    Confirmation confirmed = c.withItem("0f98eef9940902466c7a1834a9cf1f9e", Optional.empty())
        .withState(ConfirmationState.CONFIRMED, T0.plusSeconds(90), Optional.empty(), "Jellyfin shows TMDB 603");

    result(store.save(confirmed));

    assertThat(result(store.byJellyfinPath(c.jellyfinPath()))).contains(confirmed);
    assertThat(result(store.counts())).containsEntry(ConfirmationState.CONFIRMED, 1L)
        .doesNotContainEntry(ConfirmationState.WAITING, 1L);
  }

  @Test
  void findsARecordByItsJellyfinItemId() {
    Confirmation c = waiting("B", T0).withItem("11111111111111111111111111111111", Optional.of("604"));
    result(store.save(c));

    assertThat(result(store.byItemId("11111111111111111111111111111111"))).contains(c);
    assertThat(result(store.byItemId("22222222222222222222222222222222"))).isEmpty();
    assertThat(result(store.byJellyfinPath("/media/Movies/none.mkv"))).isEmpty();
  }

  @Test
  void dueGivesOnlyRecordsWhoseCheckTimeHasComeOldestFirstUpToTheLimit() {
    result(store.save(waiting("Late", T0.plusSeconds(30))));
    result(store.save(waiting("Early", T0.plusSeconds(10))));
    result(store.save(waiting("Future", T0.plusSeconds(500))));
    result(store.save(waiting("Settled", T0).withState(ConfirmationState.MISSING, T0, Optional.empty(), "gone")));

    assertThat(result(store.due(T0.plusSeconds(60), 10))).extracting(c -> c.localPath().getFileName().toString())
        .containsExactly("Early.mkv", "Late.mkv");
    assertThat(result(store.due(T0.plusSeconds(60), 1))).hasSize(1);
  }

  @Test
  void theNextCheckIsTheEarliestOfTheRecordsStillWaitingForOne() {
    assertThat(result(store.nextCheckAt())).as("an empty store").isEmpty();
    result(store.save(waiting("Settled", T0).withState(ConfirmationState.CONFIRMED, T0, Optional.empty(), "ok")));
    assertThat(result(store.nextCheckAt())).as("only settled records").isEmpty();

    result(store.save(waiting("Late", T0.plusSeconds(30))));
    result(store.save(waiting("Early", T0.plusSeconds(10))));

    assertThat(result(store.nextCheckAt())).contains(T0.plusSeconds(10));
  }

  @Test
  void listsAStateNewestFirst() {
    Duration step = Duration.ofSeconds(1);
    for (String name : new String[] {"M1", "M2", "M3"}) {
      Instant at = T0.plus(step.multipliedBy(name.charAt(1)));
      result(store.save(waiting(name, T0).withState(ConfirmationState.MISMATCHED, at, Optional.empty(), "x")));
    }

    assertThat(result(store.inState(ConfirmationState.MISMATCHED, 2)))
        .extracting(c -> c.localPath().getFileName().toString()).containsExactly("M3.mkv", "M2.mkv");
    assertThat(result(store.inState(ConfirmationState.DELETED, 5))).isEmpty();
  }

  @Test
  void keepsEveryFieldAsSaved() {
    Confirmation c = waiting("Full", T0.plusSeconds(5)).withItem("33333333333333333333333333333333", Optional.of("9999"))
        .withCorrection().withState(ConfirmationState.MISMATCHED, T0.plusSeconds(7), Optional.of(T0.plusSeconds(12)),
            "corrected TMDB 9999 to 603; checking again");

    result(store.save(c));

    assertThat(result(store.byJellyfinPath(c.jellyfinPath()))).contains(c);
  }

  @Test
  void keepsAnEpisodesShowIdAndNumbers() {
    Confirmation c = Confirmation.waitingEpisode(Path.of("/mnt/box/Shows/Dark/Season 01/Dark S01E02-E03.mkv"),
        "/media/Shows/Dark/Season 01/Dark S01E02-E03.mkv", "70523", new EpisodeNumbers(1, 2, 3), T0,
        T0.plusSeconds(5));

    result(store.save(c));

    Confirmation back = result(store.byJellyfinPath(c.jellyfinPath())).orElseThrow();
    assertThat(back).isEqualTo(c);
    assertThat(back.episode()).contains(new EpisodeNumbers(1, 2, 3));
    assertThat(result(store.byJellyfinPath(waiting("Movie", T0).jellyfinPath()))).isEmpty();
    result(store.save(waiting("Movie", T0)));
    assertThat(result(store.byJellyfinPath(waiting("Movie", T0).jellyfinPath())).orElseThrow().episode()).isEmpty();
  }
}
