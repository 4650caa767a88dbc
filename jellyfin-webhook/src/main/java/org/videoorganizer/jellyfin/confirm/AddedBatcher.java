package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
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

  private final JellyfinClient client;
  private final Function<JellyfinItem, Future<Void>> onItem;
  private final IdWindow<List<Promise<Void>>> window;

  AddedBatcher(Vertx vertx, JellyfinClient client, Function<JellyfinItem, Future<Void>> onItem) {
    this.client = client;
    this.onItem = onItem;
    this.window = new IdWindow<>(vertx, WINDOW_MILLIS, this::readBack);
  }

  /** Completes once the item was read back and handled (or found gone). */
  Future<Void> add(String itemId) {
    Promise<Void> promise = Promise.promise();
    window.put(itemId, waiting -> {
      List<Promise<Void>> list = waiting == null ? new ArrayList<>() : waiting;
      list.add(promise);
      return list;
    });
    return promise.future();
  }

  private void readBack(Map<String, List<Promise<Void>>> batch) {
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
