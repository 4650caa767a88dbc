package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Collects ids with a value each for a short window, or until a batch is full, and hands them
 * over together: the way a burst of look-ups becomes one {@code GET /Items?ids=...}.
 *
 * @param <V> what is kept per id until the batch goes out (the promises waiting for it)
 */
final class IdWindow<V> {

  static final int MAX_IDS = 100;

  private final Vertx vertx;
  private final long windowMillis;
  private final Consumer<Map<String, V>> flush;
  private final Map<String, V> pending = new LinkedHashMap<>();
  private long timer = -1;

  /** @param flush receives each batch, in the order the ids first came */
  IdWindow(Vertx vertx, long windowMillis, Consumer<Map<String, V>> flush) {
    this.vertx = vertx;
    this.windowMillis = windowMillis;
    this.flush = flush;
  }

  /** Sets the id's value ({@code update} gets the waiting one, or null) and schedules the batch. */
  synchronized void put(String id, UnaryOperator<V> update) {
    pending.put(id, update.apply(pending.get(id)));
    if (pending.size() >= MAX_IDS) {
      flushNow();
    } else if (timer < 0) {
      timer = vertx.setTimer(windowMillis, t -> {
        synchronized (this) {
          timer = -1;
          flushNow();
        }
      });
    }
  }

  private void flushNow() {
    if (pending.isEmpty()) {
      return;
    }
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    Map<String, V> batch = new LinkedHashMap<>(pending);
    pending.clear();
    flush.accept(batch);
  }
}
