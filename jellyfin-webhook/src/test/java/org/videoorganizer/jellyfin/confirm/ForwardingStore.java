package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Passes every call to another store; tests override what they observe. */
class ForwardingStore implements ConfirmationStore {

  private final ConfirmationStore delegate;

  ForwardingStore(ConfirmationStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Future<Void> save(Confirmation confirmation) {
    return delegate.save(confirmation);
  }

  @Override
  public Future<Optional<Confirmation>> byJellyfinPath(String jellyfinPath) {
    return delegate.byJellyfinPath(jellyfinPath);
  }

  @Override
  public Future<Optional<Confirmation>> byItemId(String itemId) {
    return delegate.byItemId(itemId);
  }

  @Override
  public Future<List<Confirmation>> due(Instant now, int limit) {
    return delegate.due(now, limit);
  }

  @Override
  public Future<Optional<Instant>> nextCheckAt() {
    return delegate.nextCheckAt();
  }

  @Override
  public Future<Map<ConfirmationState, Long>> counts() {
    return delegate.counts();
  }

  @Override
  public Future<List<Confirmation>> inState(ConfirmationState state, int limit) {
    return delegate.inState(state, limit);
  }
}
