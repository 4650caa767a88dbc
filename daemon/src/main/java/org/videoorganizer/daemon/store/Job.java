package org.videoorganizer.daemon.store;

import io.vertx.sqlclient.Row;

/**
 * A claimed job. {@code fence} grows with every claim: an update carrying an older fence is
 * refused, so a worker whose lease was taken over cannot commit.
 */
public record Job(long id, long videoId, String stage, int attempts, long fence, String owner) {

  static Job from(Row r) {
    return new Job(r.getLong("id"), r.getLong("video_id"), r.getString("stage"),
        r.getInteger("attempts"), r.getLong("fence"), r.getString("lease_owner"));
  }
}
