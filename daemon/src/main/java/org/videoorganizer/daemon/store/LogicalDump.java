package org.videoorganizer.daemon.store;

import static org.videoorganizer.blocking.Blocking.await;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A logical copy of the daemon's tables through the client, the same on the embedded and an
 * external PostgreSQL (no pg_dump, whose version must match the server's): every row as JSON,
 * all tables read in one repeatable-read snapshot, in an order that satisfies the foreign keys.
 * Blocking: call it from a thread that may wait (the CLI, a virtual thread).
 */
public final class LogicalDump {

  private static final int BATCH = 1000;

  private final Pool pool;

  public LogicalDump(Pool pool) {
    this.pool = pool;
  }

  /** Receives the rows of one table after another. */
  public interface Sink {
    void row(String table, String json) throws IOException;
  }

  /** What a dump holds: the schema versions it was taken at and each table's row count, in restore order. */
  public record Contents(List<Integer> schemaVersions, Map<String, Long> rows) {}

  public Contents export(Sink sink) throws IOException {
    SqlConnection conn = await(pool.getConnection());
    try {
      Transaction tx = await(conn.begin());
      await(conn.query("set transaction isolation level repeatable read, read only").execute());
      List<Integer> versions = versions(conn);
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : order(conn)) {
        PreparedStatement ps = await(conn.prepare("select row_to_json(t)::text as j from " + table + " t"));
        Cursor cursor = ps.cursor();
        long n = 0;
        do {
          for (Row r : await(cursor.read(BATCH))) {
            sink.row(table, r.getString("j"));
            n++;
          }
        } while (cursor.hasMore());
        await(cursor.close());
        counts.put(table, n);
      }
      await(tx.commit());
      return new Contents(versions, counts);
    } finally {
      await(conn.close());
    }
  }

  /**
   * Loads a dump into this database, which must be at the same schema versions and hold no rows;
   * all or nothing (one transaction). {@code rows} gives each table's JSON rows.
   */
  public void load(Contents contents, java.util.function.Function<String, Iterator<String>> rows) {
    SqlConnection conn = await(pool.getConnection());
    try {
      List<Integer> here = versions(conn);
      if (!here.equals(contents.schemaVersions())) {
        throw new IllegalStateException("the backup is of schema versions " + contents.schemaVersions() + " but this vorg has "
            + here + ": restore with the vorg version that made the backup, then start this one (it migrates)");
      }
      List<String> order = order(conn);
      for (String table : order) {
        long n = await(conn.query("select count(*) as n from " + table).execute()).iterator().next().getLong("n");
        if (n > 0) {
          throw new IllegalStateException("the database is not empty (" + table + " holds " + n
              + " rows): restore needs an empty data_dir or an empty database");
        }
      }
      Transaction tx = await(conn.begin());
      for (String table : contents.rows().keySet()) {
        if (!order.contains(table)) {
          throw new IllegalStateException("the backup holds table " + table + ", which this schema does not have");
        }
        loadTable(conn, table, rows.apply(table));
      }
      resetSequences(conn, order);
      await(tx.commit());
    } finally {
      await(conn.close());
    }
  }

  private void loadTable(SqlConnection conn, String table, Iterator<String> rows) {
    List<String> selfRefs = selfReferences(conn, table);
    String stripped = selfRefs.stream().map(c -> " - '" + c + "'").reduce("$1::text::jsonb", String::concat);
    String insert = "insert into " + table + " select * from json_populate_record(null::" + table + ", (" + stripped + ")::json)";
    List<Tuple> batch = new ArrayList<>();
    List<Tuple> later = new ArrayList<>();
    while (rows.hasNext()) {
      String json = rows.next();
      batch.add(Tuple.of(json));
      if (!selfRefs.isEmpty()) {
        JsonObject o = new JsonObject(json);
        if (selfRefs.stream().anyMatch(c -> o.getValue(c) != null)) {
          later.add(Tuple.of(json));
        }
      }
      if (batch.size() == BATCH) {
        await(conn.preparedQuery(insert).executeBatch(batch));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      await(conn.preparedQuery(insert).executeBatch(batch));
    }
    if (!later.isEmpty()) {
      String key = primaryKey(conn, table);
      String set = String.join(", ", selfRefs.stream().map(c -> c + " = r." + c).toList());
      await(conn.preparedQuery("update " + table + " t set " + set + " from json_populate_record(null::" + table
          + ", $1::text::json) r where t." + key + " = r." + key).executeBatch(later));
    }
  }

  private static List<Integer> versions(SqlConnection conn) {
    List<Integer> out = new ArrayList<>();
    await(conn.query("select version from schema_migrations order by version").execute())
        .forEach(r -> out.add(r.getInteger("version")));
    return out;
  }

  /** Our tables, each after the tables it references. */
  private static List<String> order(SqlConnection conn) {
    Set<String> tables = new LinkedHashSet<>();
    await(conn.query("select tablename from pg_tables where schemaname = current_schema() "
        + "and tablename <> 'schema_migrations' order by tablename").execute()).forEach(r -> tables.add(r.getString(0)));
    Map<String, Set<String>> needs = new LinkedHashMap<>();
    tables.forEach(t -> needs.put(t, new LinkedHashSet<>()));
    RowSet<Row> fks = await(conn.query("select conrelid::regclass::text as t, confrelid::regclass::text as r "
        + "from pg_constraint where contype = 'f' and conrelid <> confrelid").execute());
    fks.forEach(r -> {
      if (needs.containsKey(r.getString("t")) && tables.contains(r.getString("r"))) {
        needs.get(r.getString("t")).add(r.getString("r"));
      }
    });
    List<String> out = new ArrayList<>();
    while (out.size() < tables.size()) {
      String next = needs.entrySet().stream().filter(e -> !out.contains(e.getKey()) && out.containsAll(e.getValue()))
          .map(Map.Entry::getKey).findFirst()
          .orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among " + needs));
      out.add(next);
    }
    return out;
  }

  private static List<String> selfReferences(SqlConnection conn, String table) {
    List<String> out = new ArrayList<>();
    await(conn.preparedQuery("select a.attname from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid "
        + "and a.attnum = any(c.conkey) where c.contype = 'f' and c.conrelid = c.confrelid and c.conrelid = $1::regclass")
        .execute(Tuple.of(table))).forEach(r -> out.add(r.getString(0)));
    return out;
  }

  private static String primaryKey(SqlConnection conn, String table) {
    return await(conn.preparedQuery("select a.attname from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid "
        + "and a.attnum = any(c.conkey) where c.contype = 'p' and c.conrelid = $1::regclass").execute(Tuple.of(table)))
        .iterator().next().getString(0);
  }

  /** Each serial column's sequence continues after the highest restored value. */
  private static void resetSequences(SqlConnection conn, List<String> tables) {
    for (String table : tables) {
      RowSet<Row> serials = await(conn.preparedQuery("select column_name from information_schema.columns where "
          + "table_schema = current_schema() and table_name = $1 and column_default like 'nextval(%'").execute(Tuple.of(table)));
      for (Row r : serials) {
        String col = r.getString(0);
        await(conn.query("select setval(pg_get_serial_sequence('" + table + "', '" + col + "'), coalesce((select max(" + col
            + ") from " + table + "), 0) + 1, false)").execute());
      }
    }
  }
}
