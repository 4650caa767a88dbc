package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ConfirmationStore} in a map: for tests and for running without a database. */
public final class InMemoryConfirmationStore implements ConfirmationStore {

  private final Map<String, Confirmation> byPath = new ConcurrentHashMap<>();

  @Override
  public Future<Void> save(Confirmation confirmation) {
    byPath.put(confirmation.jellyfinPath(), confirmation);
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<Confirmation>> byJellyfinPath(String jellyfinPath) {
    return Future.succeededFuture(Optional.ofNullable(byPath.get(jellyfinPath)));
  }

  @Override
  public Future<Optional<Confirmation>> byItemId(String itemId) {
    return Future.succeededFuture(byPath.values().stream()
        .filter(c -> c.itemId().filter(itemId::equals).isPresent())
        .max(Comparator.comparing(Confirmation::updatedAt)));
  }

  @Override
  public Future<List<Confirmation>> due(Instant now, int limit) {
    return Future.succeededFuture(byPath.values().stream()
        .filter(c -> c.isDue(now))
        .sorted(Comparator.comparing(c -> c.nextCheckAt().orElseThrow()))
        .limit(limit)
        .toList());
  }

  @Override
  public Future<Optional<Instant>> nextCheckAt() {
    return Future.succeededFuture(byPath.values().stream().flatMap(c -> c.nextCheckAt().stream())
        .min(Comparator.naturalOrder()));
  }

  @Override
  public Future<Map<ConfirmationState, Long>> counts() {
    Map<ConfirmationState, Long> counts = new EnumMap<>(ConfirmationState.class);
    byPath.values().forEach(c -> counts.merge(c.state(), 1L, Long::sum));
    return Future.succeededFuture(counts);
  }

  @Override
  public Future<List<Confirmation>> inState(ConfirmationState state, int limit) {
    return Future.succeededFuture(byPath.values().stream()
        .filter(c -> c.state() == state)
        .sorted(Comparator.comparing(Confirmation::updatedAt).reversed())
        .limit(limit)
        .toList());
  }
}
