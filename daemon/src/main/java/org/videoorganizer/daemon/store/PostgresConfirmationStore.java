package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.videoorganizer.jellyfin.confirm.Confirmation;
import org.videoorganizer.jellyfin.confirm.ConfirmationState;
import org.videoorganizer.jellyfin.confirm.ConfirmationStore;
import org.videoorganizer.jellyfin.confirm.EpisodeNumbers;

/**
 * The confirmation loop's state in PostgreSQL (table {@code jellyfin_confirmations}), so what
 * Jellyfin confirmed, and what it still has to, survives a restart. Times are kept to the
 * microsecond, as PostgreSQL stores them. A confirmed or mismatched file also moves its video to
 * CONFIRMED or MISMATCHED ({@link VideoState#after}) in the same transaction.
 */
public final class PostgresConfirmationStore implements ConfirmationStore {

  // Each query names the columns that confirmations() reads.
  private static final String BY_PATH = """
      select jellyfin_path, local_path, expected_tmdb_id, state, item_id, seen_tmdb_id, checks, corrections,
             announced_at, next_check_at, updated_at, note, episode_season, episode_first, episode_last
        from jellyfin_confirmations
       where jellyfin_path = $1""";
  private static final String BY_ITEM = """
      select jellyfin_path, local_path, expected_tmdb_id, state, item_id, seen_tmdb_id, checks, corrections,
             announced_at, next_check_at, updated_at, note, episode_season, episode_first, episode_last
        from jellyfin_confirmations
       where item_id = $1
       order by updated_at desc
       limit 1""";
  private static final String DUE = """
      select jellyfin_path, local_path, expected_tmdb_id, state, item_id, seen_tmdb_id, checks, corrections,
             announced_at, next_check_at, updated_at, note, episode_season, episode_first, episode_last
        from jellyfin_confirmations
       where next_check_at is not null and next_check_at <= $1
       order by next_check_at, jellyfin_path
       limit $2""";
  private static final String IN_STATE = """
      select jellyfin_path, local_path, expected_tmdb_id, state, item_id, seen_tmdb_id, checks, corrections,
             announced_at, next_check_at, updated_at, note, episode_season, episode_first, episode_last
        from jellyfin_confirmations
       where state = $1
       order by updated_at desc, jellyfin_path
       limit $2""";
  private static final String UPSERT = """
      insert into jellyfin_confirmations (jellyfin_path, local_path, expected_tmdb_id, state, item_id,
             seen_tmdb_id, checks, corrections, announced_at, next_check_at, updated_at, note,
             episode_season, episode_first, episode_last)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
      on conflict (jellyfin_path) do update set
             local_path = excluded.local_path, expected_tmdb_id = excluded.expected_tmdb_id,
             state = excluded.state, item_id = excluded.item_id, seen_tmdb_id = excluded.seen_tmdb_id,
             checks = excluded.checks, corrections = excluded.corrections,
             announced_at = excluded.announced_at, next_check_at = excluded.next_check_at,
             updated_at = excluded.updated_at, note = excluded.note,
             episode_season = excluded.episode_season, episode_first = excluded.episode_first,
             episode_last = excluded.episode_last""";
  private static final String SETTLE = """
      update videos v set state = $2, updated_at = now()
        from organized_files f
       where f.library_path = $1 and f.role = 'video' and f.video_id = v.id
         and v.state = any($3) and v.state <> $2""";

  private final Pool pool;

  public PostgresConfirmationStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> save(Confirmation c) {
    return pool.withTransaction(conn -> upsert(conn, c)
        .compose(x -> VideoState.after(c.state()).map(state -> settle(conn, c, state)).orElse(Future.succeededFuture())));
  }

  // The video whose library file this is, when it is in the library: organized (its announce step
  // may still be finishing), announced, or already given a verdict that Jellyfin now changed.
  private static Future<Void> settle(SqlConnection conn, Confirmation c, VideoState state) {
    return conn.preparedQuery(SETTLE)
        .execute(Tuple.of(c.localPath().toString(), state.db(), VideoState.names(VideoState::inLibrary)))
        .mapEmpty();
  }

  private static Future<Void> upsert(SqlConnection conn, Confirmation c) {
    return conn.preparedQuery(UPSERT)
        .execute(Tuple.from(new Object[] {c.jellyfinPath(), c.localPath().toString(), c.expectedTmdbId(),
            DbEnum.db(c.state()), c.itemId().orElse(null), c.seenTmdbId().orElse(null),
            c.checks(), c.corrections(), time(c.announcedAt()), c.nextCheckAt().map(PostgresConfirmationStore::time).orElse(null),
            time(c.updatedAt()), c.note(), c.episode().map(EpisodeNumbers::season).orElse(null),
            c.episode().map(EpisodeNumbers::episode).orElse(null), c.episode().map(EpisodeNumbers::episodeEnd).orElse(null)}))
        .mapEmpty();
  }

  @Override
  public Future<Optional<Confirmation>> byJellyfinPath(String jellyfinPath) {
    return select(BY_PATH, Tuple.of(jellyfinPath)).map(l -> l.stream().findFirst());
  }

  @Override
  public Future<Optional<Confirmation>> byItemId(String itemId) {
    return select(BY_ITEM, Tuple.of(itemId)).map(l -> l.stream().findFirst());
  }

  @Override
  public Future<List<Confirmation>> due(Instant now, int limit) {
    return select(DUE, Tuple.of(time(now), limit));
  }

  @Override
  public Future<Optional<Instant>> nextCheckAt() {
    return pool.query("select min(next_check_at) as next from jellyfin_confirmations where next_check_at is not null")
        .execute().map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime("next"))
            .map(PostgresConfirmationStore::instant));
  }

  @Override
  public Future<Map<ConfirmationState, Long>> counts() {
    return pool.query("select state, count(*) as n from jellyfin_confirmations group by state").execute().map(rows -> {
      Map<ConfirmationState, Long> counts = new EnumMap<>(ConfirmationState.class);
      rows.forEach(r -> counts.put(state(r.getString("state")), r.getLong("n")));
      return counts;
    });
  }

  @Override
  public Future<List<Confirmation>> inState(ConfirmationState state, int limit) {
    return select(IN_STATE, Tuple.of(DbEnum.db(state), limit));
  }

  private Future<List<Confirmation>> select(String query, Tuple args) {
    return pool.preparedQuery(query).execute(args)
        .map(PostgresConfirmationStore::confirmations);
  }

  private static List<Confirmation> confirmations(RowSet<Row> rows) {
    List<Confirmation> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new Confirmation(Path.of(r.getString("local_path")), r.getString("jellyfin_path"),
          r.getString("expected_tmdb_id"), state(r.getString("state")), Optional.ofNullable(r.getString("item_id")),
          Optional.ofNullable(r.getString("seen_tmdb_id")), r.getInteger("checks"), r.getInteger("corrections"),
          instant(r.getOffsetDateTime("announced_at")), Optional.ofNullable(r.getOffsetDateTime("next_check_at"))
              .map(PostgresConfirmationStore::instant),
          instant(r.getOffsetDateTime("updated_at")), r.getString("note"), episode(r)));
    }
    return out;
  }

  private static Optional<EpisodeNumbers> episode(Row r) {
    Integer season = r.getInteger("episode_season");
    Integer first = r.getInteger("episode_first");
    Integer last = r.getInteger("episode_last");
    return season == null || first == null ? Optional.empty()
        : Optional.of(new EpisodeNumbers(season, first, last == null ? first : last));
  }

  private static ConfirmationState state(String db) {
    return DbEnum.of(ConfirmationState.class, db);
  }

  private static OffsetDateTime time(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime t) {
    return t.toInstant();
  }
}
