package org.videoorganizer.daemon.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Announcements to Jellyfin recorded before they are handed over (table
 * {@code jellyfin_announcements}), and the match each published file carries: a row stays until
 * Jellyfin took the announcement, so a restart hands over what it had not accepted yet.
 */
public final class AnnouncementStore {

  /** One recorded announcement; the episode numbers are null for a movie or an unknown file. */
  public record Announcement(Path libraryPath, Optional<String> tmdbId, Integer season, Integer firstEpisode,
      Integer lastEpisode) {}

  /** The match of the video a library file belongs to; {@code episode} is the first of {@code episodes}. */
  public record Matched(String kind, Long tmdbId, Integer season, Integer episode, List<Integer> episodes) {}

  private final Pool pool;

  public AnnouncementStore(Pool pool) {
    this.pool = pool;
  }

  /** Every announcement not yet accepted, oldest first. */
  public Future<List<Announcement>> all() {
    return pool.query("select library_path, tmdb_id, episode_season, episode_first, episode_last "
            + "from jellyfin_announcements order by queued_at, library_path").execute()
        .map(rows -> {
          List<Announcement> all = new ArrayList<>();
          rows.forEach(r -> all.add(new Announcement(Path.of(r.getString("library_path")),
              Optional.ofNullable(r.getString("tmdb_id")), r.getInteger("episode_season"), r.getInteger("episode_first"),
              r.getInteger("episode_last"))));
          return all;
        });
  }

  /** How many announcements are recorded and not yet accepted. */
  public Future<Long> pending() {
    return pool.query("select count(*) as n from jellyfin_announcements").execute()
        .map(rows -> rows.iterator().next().getLong("n"));
  }

  /** The matches of the video whose video file is {@code libraryPath} (none for a sidecar). */
  public Future<List<Matched>> matchesOf(Path libraryPath) {
    return pool.preparedQuery("select m.kind, m.tmdb_id, m.season, m.episode, m.episodes "
            + "from organized_files o join media_matches m "
            + "on m.video_id = o.video_id where o.library_path = $1 and o.role = 'video'")
        .execute(Tuple.of(libraryPath.toString()))
        .map(rows -> {
          List<Matched> out = new ArrayList<>();
          rows.forEach(r -> out.add(matched(r)));
          return out;
        });
  }

  /** Records announcements, replacing what an earlier one said for the same path. */
  public Future<Void> record(List<Announcement> announcements) {
    if (announcements.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("insert into jellyfin_announcements (library_path, tmdb_id, episode_season, "
            + "episode_first, episode_last) values ($1, $2, $3, $4, $5) on conflict (library_path) do update set "
            + "tmdb_id = excluded.tmdb_id, episode_season = excluded.episode_season, "
            + "episode_first = excluded.episode_first, episode_last = excluded.episode_last")
        .executeBatch(announcements.stream().map(a -> Tuple.of(a.libraryPath().toString(), a.tmdbId().orElse(null),
            a.season(), a.firstEpisode(), a.lastEpisode())).toList())
        .mapEmpty();
  }

  /** Jellyfin took the announcement of {@code libraryPath}. */
  public Future<Void> remove(Path libraryPath) {
    return pool.preparedQuery("delete from jellyfin_announcements where library_path = $1")
        .execute(Tuple.of(libraryPath.toString())).mapEmpty();
  }

  private static Matched matched(Row r) {
    Integer[] stored = r.getArrayOfIntegers("episodes");
    List<Integer> episodes = stored == null ? List.of() : List.of(stored);
    return new Matched(r.getString("kind"), r.getLong("tmdb_id"), r.getInteger("season"), r.getInteger("episode"), episodes);
  }
}
