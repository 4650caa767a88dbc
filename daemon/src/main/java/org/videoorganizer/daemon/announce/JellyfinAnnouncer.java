package org.videoorganizer.daemon.announce;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.daemon.pipeline.Announcer;
import org.videoorganizer.daemon.store.Blocking;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.JellyfinVerticle;
import org.videoorganizer.jellyfin.PathMap;
import org.videoorganizer.jellyfin.confirm.EpisodeNumbers;

/**
 * The pipeline's announce stage on Jellyfin. A published file is first written to the table
 * {@code jellyfin_announcements}, then handed to the {@link JellyfinVerticle}: its announcer
 * batches and debounces {@code POST /Library/Media/Updated} and retries while Jellyfin is down;
 * a movie or episode with a TMDB id also waits for Jellyfin's confirmation. The row goes once Jellyfin took
 * the announcement, so a restart hands Jellyfin what it had not accepted yet ({@link #resume}).
 *
 * <p>The stage does not wait for Jellyfin: waiting would hold a worker per file and break the
 * batching, and Jellyfin being down must not fail videos. ANNOUNCED therefore means "queued for
 * Jellyfin, durably"; {@code /api/status} shows what is still pending under {@code jellyfin}.
 */
public final class JellyfinAnnouncer implements Announcer {

  private static final Logger log = LoggerFactory.getLogger(JellyfinAnnouncer.class);
  static final Duration RESUBMIT_AFTER = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final Pool pool;
  private final Future<JellyfinVerticle> jellyfin;
  private final PathMap pathMap;
  private final Set<Path> submitted = ConcurrentHashMap.newKeySet();

  /** @param jellyfin completes once the verticle is deployed */
  JellyfinAnnouncer(Vertx vertx, Pool pool, Future<JellyfinVerticle> jellyfin, PathMap pathMap) {
    this.vertx = vertx;
    this.pool = pool;
    this.jellyfin = jellyfin;
    this.pathMap = pathMap;
  }

  /**
   * One published file and the TMDB id Jellyfin should show for it, if we can tell: a movie's id,
   * or for an episode the show's id with the season and episode numbers.
   */
  record Queued(Path libraryPath, Optional<String> tmdbId, Optional<EpisodeNumbers> episode) {}

  private record Expected(Optional<String> tmdbId, Optional<EpisodeNumbers> episode) {
    static final Expected NONE = new Expected(Optional.empty(), Optional.empty());
  }

  /**
   * Records the paths and hands them to Jellyfin in the background. Throws (so the job retries,
   * then fails with this reason) only when the path map cannot translate a path.
   */
  @Override
  public void announce(List<Path> libraryPaths) {
    List<Queued> queued = new ArrayList<>();
    for (Path path : libraryPaths) {
      if (pathMap.toJellyfin(path).isEmpty()) {
        throw new IllegalStateException("cannot announce " + path + " to Jellyfin: no rule of "
            + JellyfinSettings.PATH_MAP_VARIABLE + " covers it");
      }
      Expected expected = Blocking.await(expected(path));
      queued.add(new Queued(path, expected.tmdbId(), expected.episode()));
    }
    Blocking.await(record(queued));
    queued.forEach(this::submit);
  }

  /** Hands Jellyfin the announcements a previous run recorded but Jellyfin never accepted. */
  public Future<Integer> resume() {
    return pool.query("select library_path, tmdb_id, episode_season, episode_first, episode_last from jellyfin_announcements order by queued_at, library_path")
        .execute()
        .map(rows -> {
          List<Queued> all = new ArrayList<>();
          rows.forEach(r -> all.add(queued(r)));
          all.forEach(this::submit);
          return all.size();
        });
  }

  /** Announcements recorded and not yet accepted by Jellyfin. */
  public Future<Long> pending() {
    return pool.query("select count(*) as n from jellyfin_announcements").execute()
        .map(rows -> rows.iterator().next().getLong("n"));
  }

  /**
   * What Jellyfin should show for a published file, from the video's match: a movie's TMDB id,
   * or an episode's show TMDB id with its season and episode numbers (Jellyfin's episode item
   * carries the episode's own id, so the loop checks the show on the episode's series item).
   */
  private Future<Expected> expected(Path libraryPath) {
    return pool.preparedQuery("select m.kind, m.tmdb_id, m.season, m.episode, m.evidence->'identity'->'episodes' as episodes "
            + "from organized_files o join media_matches m "
            + "on m.video_id = o.video_id where o.library_path = $1 and o.role = 'video'")
        .execute(Tuple.of(libraryPath.toString()))
        .map(rows -> {
          for (Row r : rows) {
            Long tmdb = r.getLong("tmdb_id");
            if (tmdb == null) {
              continue;
            }
            if ("movie".equals(r.getString("kind"))) {
              return new Expected(Optional.of(String.valueOf(tmdb)), Optional.empty());
            }
            if ("episode".equals(r.getString("kind")) && r.getInteger("season") != null && r.getInteger("episode") != null) {
              int first = r.getInteger("episode");
              int last = first;
              if (r.getValue("episodes") instanceof JsonArray eps) {
                for (Object e : eps) {
                  if (e instanceof Number n) {
                    last = Math.max(last, n.intValue());
                  }
                }
              }
              return new Expected(Optional.of(String.valueOf(tmdb)),
                  Optional.of(new EpisodeNumbers(r.getInteger("season"), first, last)));
            }
          }
          return Expected.NONE;
        });
  }

  private Future<Void> record(List<Queued> queued) {
    if (queued.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("insert into jellyfin_announcements (library_path, tmdb_id, episode_season, "
            + "episode_first, episode_last) values ($1, $2, $3, $4, $5) on conflict (library_path) do update set "
            + "tmdb_id = excluded.tmdb_id, episode_season = excluded.episode_season, "
            + "episode_first = excluded.episode_first, episode_last = excluded.episode_last")
        .executeBatch(queued.stream().map(q -> Tuple.of(q.libraryPath().toString(), q.tmdbId().orElse(null),
            q.episode().map(EpisodeNumbers::season).orElse(null), q.episode().map(EpisodeNumbers::episode).orElse(null),
            q.episode().map(EpisodeNumbers::episodeEnd).orElse(null))).toList())
        .mapEmpty();
  }

  private void submit(Queued q) {
    if (!submitted.add(q.libraryPath())) {
      return; // already waiting in the announcer; the row stays until Jellyfin takes it
    }
    jellyfin.compose(j -> q.tmdbId().isEmpty() ? j.announce(q.libraryPath())
            : q.episode().isPresent() ? j.publishedEpisode(q.libraryPath(), q.tmdbId().get(), q.episode().get())
            : j.published(q.libraryPath(), q.tmdbId().get()))
        .compose(v -> pool.preparedQuery("delete from jellyfin_announcements where library_path = $1")
            .execute(Tuple.of(q.libraryPath().toString())))
        .onComplete(ar -> {
          submitted.remove(q.libraryPath());
          if (ar.failed()) {
            log.warn("{}: Jellyfin announcement not completed, trying again in {}s: {}", q.libraryPath(),
                RESUBMIT_AFTER.toSeconds(), ar.cause().getMessage());
            vertx.setTimer(RESUBMIT_AFTER.toMillis(), t -> submit(q));
          }
        });
  }

  private static Queued queued(Row r) {
    Integer season = r.getInteger("episode_season");
    Integer first = r.getInteger("episode_first");
    Integer last = r.getInteger("episode_last");
    Optional<EpisodeNumbers> episode = season == null || first == null ? Optional.empty()
        : Optional.of(new EpisodeNumbers(season, first, last == null ? first : last));
    return new Queued(Path.of(r.getString("library_path")), Optional.ofNullable(r.getString("tmdb_id")), episode);
  }
}
