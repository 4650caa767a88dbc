package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the confirmation loop keeps its state. {@link InMemoryConfirmationStore} serves tests
 * and embedded use; the daemon keeps it in PostgreSQL. Implementations key records by
 * {@link Confirmation#jellyfinPath()}.
 */
public interface ConfirmationStore {

  /** Inserts or replaces the record with the same Jellyfin path. */
  Future<Void> save(Confirmation confirmation);

  Future<Optional<Confirmation>> byJellyfinPath(String jellyfinPath);

  Future<Optional<Confirmation>> byItemId(String itemId);

  /** Records whose next check is due at {@code now}, oldest due first, at most {@code limit}. */
  Future<List<Confirmation>> due(Instant now, int limit);

  /** The earliest next check of any record; empty when none is waiting for one. */
  Future<Optional<Instant>> nextCheckAt();

  /** How many records are in each state (states without records may be left out). */
  Future<Map<ConfirmationState, Long>> counts();

  /** The most recently updated records in a state, at most {@code limit}. */
  Future<List<Confirmation>> inState(ConfirmationState state, int limit);
}
