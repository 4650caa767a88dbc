package org.videoorganizer.daemon.sync;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * {@link SyncLedger} and {@link KnownHashes} over a real PostgreSQL table of the test database,
 * the shape the daemon's store implements at integration ({@code sync_sources}).
 */
final class PgSyncLedger implements SyncLedger, KnownHashes, AutoCloseable {

  private final Pool pool;

  PgSyncLedger(Vertx vertx, String url) {
    this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(PgConnectOptions.fromUri(url)).using(vertx).build();
    pool.query("""
        create table if not exists sync_test_origins (
          source text not null, remote text not null, path text not null, size bigint not null,
          mod_time timestamptz not null, hash_type text, hash text, staged text, state text not null,
          primary key (source, path, size, mod_time))""").execute().await();
  }

  @Override
  public void recordDownloaded(String source, String remote, RemoteFile file, Path staged) {
    upsert(source, remote, file, staged.toString(), "downloaded");
  }

  @Override
  public void recordSkipped(String source, String remote, RemoteFile file) {
    upsert(source, remote, file, null, "skipped");
  }

  private void upsert(String source, String remote, RemoteFile file, String staged, String state) {
    var hash = file.hash(RemoteSource.DEFAULT_HASHES);
    pool.preparedQuery("""
        insert into sync_test_origins values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        on conflict (source, path, size, mod_time) do update set state = excluded.state, staged = excluded.staged""")
        .execute(Tuple.tuple().addString(source).addString(remote).addString(file.path()).addLong(file.size())
            .addOffsetDateTime(file.modTime().atOffset(ZoneOffset.UTC))
            .addString(hash.map(h -> h.getKey()).orElse(null)).addString(hash.map(h -> h.getValue()).orElse(null))
            .addString(staged).addString(state))
        .await();
  }

  @Override
  public boolean contains(String hashType, String hash, long size) {
    return pool.preparedQuery("select 1 from sync_test_origins where hash_type = $1 and hash = $2 and size = $3")
        .execute(Tuple.of(hashType, hash, size)).await().size() > 0;
  }

  int rows(String state) {
    return pool.preparedQuery("select count(*) from sync_test_origins where state = $1")
        .execute(Tuple.of(state)).await().iterator().next().getInteger(0);
  }

  @Override
  public void close() {
    pool.close().await();
  }
}
