package org.videoorganizer.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.jellyfin.fake.Await.result;

import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoorganizer.daemon.testsupport.TestServices;
import org.videoorganizer.jellyfin.confirm.Confirmation;
import org.videoorganizer.jellyfin.confirm.ConfirmationState;
import org.videoorganizer.jellyfin.confirm.ConfirmationStore;
import org.videoorganizer.jellyfin.confirm.ConfirmationStoreContract;

@ExtendWith(TestServices.class)
class PostgresConfirmationStoreTest extends ConfirmationStoreContract {

  static Vertx vertx;
  static Database db;

  @BeforeAll
  static void open(TestServices.Env env) {
    vertx = Vertx.vertx();
    db = result(Database.open(vertx, env.pgUrl(), 2));
  }

  @AfterAll
  static void close() {
    result(db.close());
    result(vertx.close());
  }

  @Override
  protected ConfirmationStore newStore() {
    result(db.pool().query("truncate jellyfin_confirmations").execute());
    return new PostgresConfirmationStore(db.pool());
  }

  @Test
  void aSecondStoreOnTheSameDatabaseSeesWhatTheFirstSaved() {
    Confirmation c = waiting("Restart", T0.plusSeconds(30)).withItem("44444444444444444444444444444444", Optional.of("99"))
        .withState(ConfirmationState.MISMATCHED, T0.plusSeconds(31), Optional.of(T0.plusSeconds(36)), "correcting");
    result(newStore().save(c));

    ConfirmationStore afterRestart = new PostgresConfirmationStore(db.pool());

    assertThat(result(afterRestart.byItemId("44444444444444444444444444444444"))).contains(c);
    assertThat(result(afterRestart.due(T0.plusSeconds(40), 10))).containsExactly(c);
  }

  @Test
  void keepsTimesToTheMicrosecond() {
    Instant odd = Instant.parse("2026-12-02T12:00:00.123456789Z");
    Confirmation c = Confirmation.waiting(java.nio.file.Path.of("/lib/Movies/X/X.mkv"), "/media/Movies/X/X.mkv", "7",
        odd, odd.plusSeconds(1));
    ConfirmationStore store = newStore();
    result(store.save(c));

    assertThat(result(store.byJellyfinPath("/media/Movies/X/X.mkv")).orElseThrow().announcedAt())
        .isEqualTo(Instant.parse("2026-12-02T12:00:00.123456Z"));
  }
}
