package org.videoorganizer.daemon.announce;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.daemon.pipeline.Announcer;
import org.videoorganizer.daemon.store.AnnouncementStore;
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
  private final AnnouncementStore store;
  private final Future<JellyfinVerticle> jellyfin;
  private final PathMap pathMap;
  private final Set<Path> submitted = ConcurrentHashMap.newKeySet();

  /** @param jellyfin completes once the verticle is deployed */
  JellyfinAnnouncer(Vertx vertx, Pool pool, Future<JellyfinVerticle> jellyfin, PathMap pathMap) {
    this.vertx = vertx;
    this.store = new AnnouncementStore(pool);
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
    return store.all().map(all -> {
      all.forEach(a -> submit(queued(a)));
      return all.size();
    });
  }

  /** Announcements recorded and not yet accepted by Jellyfin. */
  public Future<Long> pending() {
    return store.pending();
  }

  /**
   * What Jellyfin should show for a published file, from the video's match: a movie's TMDB id,
   * or an episode's show TMDB id with its season and episode numbers (Jellyfin's episode item
   * carries the episode's own id, so the loop checks the show on the episode's series item).
   */
  private Future<Expected> expected(Path libraryPath) {
    return store.matchesOf(libraryPath).map(matches -> {
      for (AnnouncementStore.Matched m : matches) {
        if (m.tmdbId() == null) {
          continue;
        }
        if ("movie".equals(m.kind())) {
          return new Expected(Optional.of(String.valueOf(m.tmdbId())), Optional.empty());
        }
        if ("episode".equals(m.kind()) && m.season() != null && m.episode() != null) {
          int first = m.episode();
          int last = m.episodes().stream().mapToInt(Integer::intValue).reduce(first, Math::max);
          return new Expected(Optional.of(String.valueOf(m.tmdbId())), Optional.of(new EpisodeNumbers(m.season(), first, last)));
        }
      }
      return Expected.NONE;
    });
  }

  private Future<Void> record(List<Queued> queued) {
    return store.record(queued.stream().map(q -> new AnnouncementStore.Announcement(q.libraryPath(), q.tmdbId(),
        q.episode().map(EpisodeNumbers::season).orElse(null), q.episode().map(EpisodeNumbers::episode).orElse(null),
        q.episode().map(EpisodeNumbers::episodeEnd).orElse(null))).toList());
  }

  private void submit(Queued q) {
    if (!submitted.add(q.libraryPath())) {
      return; // already waiting in the announcer; the row stays until Jellyfin takes it
    }
    jellyfin.compose(j -> q.tmdbId().isEmpty() ? j.announce(q.libraryPath())
            : q.episode().isPresent() ? j.publishedEpisode(q.libraryPath(), q.tmdbId().get(), q.episode().get())
            : j.published(q.libraryPath(), q.tmdbId().get()))
        .compose(v -> store.remove(q.libraryPath()))
        .onComplete(ar -> {
          submitted.remove(q.libraryPath());
          if (ar.failed()) {
            log.warn("{}: Jellyfin announcement not completed, trying again in {}s: {}", q.libraryPath(),
                RESUBMIT_AFTER.toSeconds(), ar.cause().getMessage());
            vertx.setTimer(RESUBMIT_AFTER.toMillis(), t -> submit(q));
          }
        });
  }

  private static Queued queued(AnnouncementStore.Announcement a) {
    Optional<EpisodeNumbers> episode = a.season() == null || a.firstEpisode() == null ? Optional.empty()
        : Optional.of(new EpisodeNumbers(a.season(), a.firstEpisode(),
            a.lastEpisode() == null ? a.firstEpisode() : a.lastEpisode()));
    return new Queued(a.libraryPath(), a.tmdbId(), episode);
  }
}
