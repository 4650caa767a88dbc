package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the web page reads: the videos list (newest change first, paged by keyset on
 * (updated_at, id) so page 500 costs what page 1 costs; see V050's indexes), one video with
 * everything known of it, and the throughput numbers of the overview.
 */
public final class VideoQueries {

  /** The list's filters; empty means any. {@code after} is the previous page's cursor. */
  public record Filter(Optional<String> state, Optional<String> source, Optional<String> kind, Optional<String> text,
      Optional<String> after, int limit) {}

  private final Pool pool;

  public VideoQueries(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> page(Filter f) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select v.id, v.source, v.display_path, v.state, v.reason, v.updated_at, m.kind, "
        + "m.title, m.year from videos v left join media_matches m on m.video_id = v.id where true");
    f.state().ifPresent(s -> sql.append(" and v.state = $").append(add(args, s)));
    f.source().ifPresent(s -> sql.append(" and v.source = $").append(add(args, s)));
    f.kind().ifPresent(k -> sql.append(" and m.kind = $").append(add(args, k)));
    f.text().ifPresent(t -> sql.append(" and v.display_path ilike $").append(add(args, "%" + likeEscape(t) + "%")));
    if (f.after().isPresent()) {
      Cursor c = Cursor.decode(f.after().get());
      sql.append(" and (v.updated_at, v.id) < ($").append(add(args, c.at())).append(", $").append(add(args, c.id())).append(')');
    }
    sql.append(" order by v.updated_at desc, v.id desc limit $").append(add(args, f.limit() + 1));
    return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> toPage(rows, f.limit()));
  }

  private static JsonObject toPage(RowSet<Row> rows, int limit) {
    JsonArray items = new JsonArray();
    Row last = null;
    int n = 0;
    for (Row r : rows) {
      if (n++ == limit) {
        break;
      }
      last = r;
      items.add(new JsonObject().put("video", r.getLong("id")).put("source", r.getString("source"))
          .put("path", r.getString("display_path")).put("state", r.getString("state")).put("reason", r.getString("reason"))
          .put("kind", r.getString("kind")).put("title", r.getString("title")).put("year", r.getInteger("year"))
          .put("updated_at", String.valueOf(r.getOffsetDateTime("updated_at"))));
    }
    String next = rows.size() > limit && last != null
        ? new Cursor(last.getOffsetDateTime("updated_at"), last.getLong("id")).encode() : null;
    return new JsonObject().put("items", items).put("next", next);
  }

  private static int add(List<Object> args, Object v) {
    args.add(v);
    return args.size();
  }

  private static String likeEscape(String t) {
    return t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** A position in the list: opaque to clients (base64url of "time|id"). */
  record Cursor(OffsetDateTime at, long id) {

    String encode() {
      return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String s) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8).split("\\|");
        return new Cursor(OffsetDateTime.parse(parts[0]), Long.parseLong(parts[1]));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("after is not a cursor this list gave out: " + s);
      }
    }
  }

  /** Everything known of one video, or empty. */
  public Future<Optional<JsonObject>> video(long id) {
    JsonObject out = new JsonObject();
    return pool.preparedQuery("select id, source, rel_path, display_path, size, quick_hash, content_hash, state, reason, "
            + "duplicate_of, sidecars::text as sidecars, active, discovered_at, updated_at, review_seen from videos where id = $1").execute(Tuple.of(id))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.<JsonObject>empty());
          }
          Row v = rows.iterator().next();
          out.put("video", new JsonObject().put("id", v.getLong("id")).put("source", v.getString("source"))
              .put("path", v.getString("display_path")).put("rel_path", v.getString("rel_path")).put("size", v.getLong("size"))
              .put("quick_hash", v.getString("quick_hash")).put("content_hash", v.getString("content_hash"))
              .put("state", v.getString("state")).put("reason", v.getString("reason")).put("duplicate_of", v.getLong("duplicate_of"))
              .put("sidecars", v.getString("sidecars")).put("active", v.getBoolean("active"))
              .put("discovered_at", String.valueOf(v.getOffsetDateTime("discovered_at")))
              .put("updated_at", String.valueOf(v.getOffsetDateTime("updated_at"))));
          if (v.getValue("review_seen") instanceof JsonObject seen) {
            out.put("review_seen", seen);
          }
          return details(id, out).map(Optional::of);
        });
  }

  private Future<JsonObject> details(long id, JsonObject out) {
    Tuple one = Tuple.of(id);
    return pool.preparedQuery("select kind, title, year, season, episode, to_jsonb(episodes) as episodes, episode_title, "
            + "air_date::text as air_date, tmdb_id, imdb_id, tvdb_id, edition, part, extra, extra_title, version_label, "
            + "confidence, evidence, created_at from media_matches where video_id = $1").execute(one)
        .map(rows -> rows.size() == 0 ? out : out.put("match", json(rows.iterator().next())))
        .compose(x -> pool.preparedQuery("select stage, state, attempts, last_error, lease_owner, created_at, updated_at "
            + "from jobs where video_id = $1 order by id").execute(one))
        .map(rows -> out.put("jobs", list(rows)))
        .compose(x -> pool.preparedQuery("select op, source_path, target_path, state, detail, started_at, finished_at "
            + "from file_operations where video_id = $1 order by id").execute(one))
        .map(rows -> out.put("operations", list(rows)))
        .compose(x -> pool.preparedQuery("select library_path, content_hash, size, role, created_at from organized_files "
            + "where video_id = $1 order by id").execute(one))
        .map(rows -> out.put("files", list(rows)))
        .compose(x -> pool.preparedQuery("select c.jellyfin_path, c.state, c.item_id, c.seen_tmdb_id, c.note, c.updated_at "
            + "from jellyfin_confirmations c join organized_files f on f.library_path = c.local_path where f.video_id = $1")
            .execute(one))
        .map(rows -> out.put("jellyfin", list(rows)))
        .compose(x -> pool.preparedQuery("select created_at, result->>'remote' as remote, result->>'remote_reason' as "
            + "remote_reason, (result->>'key_frames')::int as key_frames, seconds, cost::float8 as usd, "
            + "(select string_agg(e, ' | ') from jsonb_array_elements_text(coalesce(result->'evidence', '[]'::jsonb)) e) "
            + "as evidence from analysis_results where video_id = $1 order by id").execute(one))
        .map(rows -> out.put("analyses", list(rows)))
        .compose(x -> pool.preparedQuery("select at, backend, task, gpu_class, usd_per_second, wall_ms, execution_ms, "
            + "queue_ms, tokens_in, tokens_out, audio_seconds, usd::float8 as usd from analysis_costs where video_id = $1 "
            + "order by at, id").execute(one))
        .map(rows -> out.put("costs", list(rows)));
  }

  /** Videos organized in the last hour, today, and per day over the last 7 days. */
  public Future<JsonObject> throughput() {
    return pool.query("select date_trunc('day', created_at)::date as day, count(*) as n, "
            + "count(*) filter (where created_at > now() - interval '1 hour') as last_hour from organized_files "
            + "where role = 'video' and created_at > current_date - 6 group by 1 order by 1 desc").execute()
        .map(rows -> {
          JsonArray perDay = new JsonArray();
          long hour = 0;
          long today = 0;
          String todayText = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
          for (Row r : rows) {
            perDay.add(new JsonObject().put("day", r.getLocalDate("day").toString()).put("n", r.getLong("n")));
            hour += r.getLong("last_hour");
            if (r.getLocalDate("day").toString().equals(todayText)) {
              today = r.getLong("n");
            }
          }
          return new JsonObject().put("last_hour", hour).put("today", today).put("per_day", perDay);
        });
  }

  private static JsonArray list(RowSet<Row> rows) {
    JsonArray a = new JsonArray();
    rows.forEach(r -> a.add(json(r)));
    return a;
  }

  private static JsonObject json(Row r) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < r.size(); i++) {
      Object v = r.getValue(i);
      o.put(r.getColumnName(i), v instanceof JsonObject || v instanceof JsonArray || v instanceof Number
          || v instanceof Boolean || v instanceof String || v == null ? v : String.valueOf(v));
    }
    return o;
  }
}
