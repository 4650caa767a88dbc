package org.videoorganizer.daemon.app;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.daemon.store.DailyStats;

/**
 * Adds what the TMDB client counted since the last time to today's {@code tmdb_requests} and
 * {@code tmdb_cache_hits}. Called every minute and at stop; a failed write keeps its counts for
 * the next one.
 */
final class TmdbUsage {

  private static final Logger log = LoggerFactory.getLogger(TmdbUsage.class);

  private final TmdbClient client;
  private final DailyStats stats;
  private long requests;
  private long hits;

  TmdbUsage(TmdbClient client, DailyStats stats) {
    this.client = client;
    this.stats = stats;
  }

  synchronized Future<Void> flush() {
    TmdbClient.Stats now = client.stats();
    long newRequests = now.requestsSent() - requests;
    long newHits = now.memoryHits() + now.diskHits() - hits;
    if (newRequests == 0 && newHits == 0) {
      return Future.succeededFuture();
    }
    requests += newRequests;
    hits += newHits;
    return stats.addNow(DailyStats.TMDB_REQUESTS, newRequests)
        .compose(x -> stats.addNow(DailyStats.TMDB_CACHE_HITS, newHits))
        .onFailure(e -> {
          synchronized (this) {
            requests -= newRequests;
            hits -= newHits;
          }
          log.warn("TMDB usage not recorded yet ({}); it is added next time", e.toString());
        });
  }
}
