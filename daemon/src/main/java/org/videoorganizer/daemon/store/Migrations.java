package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the numbered migrations in {@code db/migration} (listed in its index.txt) that the
 * database has not seen, in one transaction under an advisory lock, so several daemons starting
 * together apply each once.
 */
final class Migrations {

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  private static final long LOCK_KEY = 0x766f7267L; // "vorg"

  private Migrations() {}

  static Future<Integer> apply(Pool pool) {
    return apply(pool, version -> true);
  }

  /** Applies only the missing versions {@code wanted} accepts (tests: a database as an older daemon left it). */
  static Future<Integer> apply(Pool pool, java.util.function.IntPredicate wanted) {
    List<String> files = index().stream().filter(f -> wanted.test(version(f))).toList();
    return pool.withTransaction(conn -> conn.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
        .compose(x -> conn.query("""
            create table if not exists schema_migrations (
              version integer primary key, name text not null, applied_at timestamptz not null default now())""").execute())
        .compose(x -> conn.query("select version from schema_migrations").execute())
        .map(rows -> { java.util.Set<Integer> seen = new java.util.HashSet<>(); rows.forEach(r -> seen.add(r.getInteger("version"))); return seen; })
        .compose(applied -> applyMissing(conn, files, applied)));
  }

  // Every listed version not yet applied, in index order: numbers may have gaps, and a lower
  // number merged in later is still applied.
  private static Future<Integer> applyMissing(SqlConnection conn, List<String> files, java.util.Set<Integer> applied) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (String file : files) {
      int version = version(file);
      if (!applied.contains(version)) {
        chain = chain.compose(n -> conn.query(read(file)).execute()
            .compose(x -> conn.preparedQuery("insert into schema_migrations (version, name) values ($1, $2)")
                .execute(Tuple.of(version, file)))
            .map(x -> {
              log.info("applied migration {}", file);
              return n + 1;
            }));
      }
    }
    return chain;
  }

  static int version(String file) {
    if (!file.matches("V\\d{3}__[a-z0-9_]+\\.sql")) {
      throw new IllegalStateException("migration file name must look like V001__name.sql: " + file);
    }
    return Integer.parseInt(file.substring(1, 4));
  }

  private static List<String> index() {
    return read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static String read(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + name)) {
      if (in == null) {
        throw new IllegalStateException("migration resource missing: db/migration/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
