package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.util.Optional;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.config.VorgConfig.DatabaseConfig;

/**
 * The daemon's PostgreSQL: the configured one, or an embedded one under {@code data_dir}. The
 * schema is brought up to date on open. Same SQL either way.
 */
public final class Database {

  private final Pool pool;
  private final Optional<EmbeddedServer> embedded;

  private Database(Pool pool, Optional<EmbeddedServer> embedded) {
    this.pool = pool;
    this.embedded = embedded;
  }

  /** Opens the configured database, or starts the embedded one, and applies migrations. */
  public static Future<Database> open(Vertx vertx, Optional<DatabaseConfig> config, Path dataDir) {
    if (config.isPresent()) {
      DatabaseConfig c = config.get();
      // Whatever goes wrong with an external database, the person reading it must know which setting to check.
      return connect(vertx, c.url(), c.password().map(s -> s.reveal()), c.poolSize(), Optional.empty())
          .recover(e -> Future.failedFuture(new IllegalStateException("database.url " + c.url()
              + ": cannot use the database: " + e.getMessage(), e)));
    }
    return Blocking.onVirtualThread("vorg-embedded-postgres", () -> EmbeddedServer.start(dataDir))
        .compose(server -> connect(vertx, server.url(), Optional.empty(), 8, Optional.of(server)));
  }

  /** Opens a database by URL (tests, tools) and applies migrations. */
  public static Future<Database> open(Vertx vertx, String url, int poolSize) {
    return connect(vertx, url, Optional.empty(), poolSize, Optional.empty());
  }

  private static Future<Database> connect(
      Vertx vertx, String url, Optional<String> password, int size, Optional<EmbeddedServer> server) {
    PgConnectOptions options = PgConnectOptions.fromUri(url).setReconnectAttempts(0);
    password.ifPresent(options::setPassword);
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setIdleTimeout(60).setEventLoopSize(1))
        .connectingTo(options)
        .using(vertx)
        .build();
    Database db = new Database(pool, server);
    return Migrations.apply(pool).map(n -> db).recover(e -> db.close().transform(x -> Future.failedFuture(e)));
  }

  public Pool pool() {
    return pool;
  }

  /** Closes the pool, then stops the embedded server if there is one. */
  public Future<Void> close() {
    return pool.close().transform(x -> embedded.isEmpty() ? Future.<Void>succeededFuture()
        : Blocking.<Void>onVirtualThread("vorg-embedded-postgres", () -> {
          try {
            embedded.get().close();
            return null;
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
          }
        }));
  }
}
