package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.JellyfinItem;

/**
 * Gathers the item ids of {@code ItemAdded} webhooks arriving close together, so that a hundred
 * webhooks are read back with a few {@code GET /Items?ids=...} calls instead of a hundred.
 */
final class AddedBatcher {

  static final long WINDOW_MILLIS = 25;
  static final int MAX_IDS = 100;

  private final Vertx vertx;
  private final JellyfinClient client;
  private final Function<JellyfinItem, Future<Void>> onItem;
  private final Map<String, List<Promise<Void>>> pending = new LinkedHashMap<>();
  private long timer = -1;

  AddedBatcher(Vertx vertx, JellyfinClient client, Function<JellyfinItem, Future<Void>> onItem) {
    this.vertx = vertx;
    this.client = client;
    this.onItem = onItem;
  }

  /** Completes once the item was read back and handled (or found gone). */
  synchronized Future<Void> add(String itemId) {
    Promise<Void> promise = Promise.promise();
    pending.computeIfAbsent(itemId, id -> new ArrayList<>()).add(promise);
    if (pending.size() >= MAX_IDS) {
      flushNow();
    } else if (timer < 0) {
      timer = vertx.setTimer(WINDOW_MILLIS, t -> {
        synchronized (this) {
          timer = -1;
          flushNow();
        }
      });
    }
    return promise.future();
  }

  private void flushNow() {
    if (pending.isEmpty()) {
      return;
    }
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    Map<String, List<Promise<Void>>> batch = new LinkedHashMap<>(pending);
    pending.clear();
    client.items(List.copyOf(batch.keySet()))
        .compose(items -> Future.join(items.stream().map(onItem).toList()))
        .onComplete(ar -> batch.values().forEach(promises -> promises.forEach(p -> {
          if (ar.succeeded()) {
            p.tryComplete();
          } else {
            p.tryFail(ar.cause());
          }
        })));
  }
}
