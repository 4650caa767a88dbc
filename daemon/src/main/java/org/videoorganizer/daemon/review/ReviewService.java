package org.videoorganizer.daemon.review;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.blocking.Repeating;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.daemon.pipeline.ReviewAnswers;
import org.videoorganizer.daemon.store.ReviewStore;
import org.videoorganizer.daemon.store.ReviewStore.Correction;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoStore;
import org.videoorganizer.web.Answer;
import org.videoorganizer.web.Lookup;
import org.videoorganizer.web.WebProblem;

/**
 * Carries out answers to review questions and reuses them. An answer naming a TMDB film or show,
 * or a title under Other, is stored as the video's identity and its next stage is queued at once
 * (the pipeline organizes, announces and confirms it); the answer is also stored as a correction
 * keyed by the file's content hash, release folder and show name. {@link #sweep} applies live
 * corrections to questions that match them, without asking; in the daemon one virtual thread
 * sweeps when a sweep is wanted and at least every few seconds ({@link #startSweeps}).
 *
 * <p>The work (TMDB look-ups, the answer's reads and writes, a sweep) is plain blocking code on a
 * virtual thread per call; the page's handlers get a {@code Future} back from
 * {@link Blocking#onVirtualThread}, completed on their event loop.
 */
public final class ReviewService {

  private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

  private final ReviewStore store;
  private final VideoStore videos;
  private final Optional<TmdbSearch> tmdb;
  private final LongConsumer ring;
  private volatile Repeating sweeps;
  private volatile boolean stopping;

  public ReviewService(Pool pool, Optional<TmdbClient> tmdb, LongConsumer ring) {
    this.store = new ReviewStore(pool);
    this.videos = new VideoStore(pool);
    this.tmdb = tmdb.map(TmdbSearch::new);
    this.ring = ring;
  }

  /**
   * Open questions, each with the candidates and evidence the matcher stored when it asked (no
   * TMDB call here: a live search is the page's "Search TMDB") and a guess for the search box.
   */
  public Future<JsonArray> questions(int limit) {
    return store.open(limit).map(list -> {
      for (int i = 0; i < list.size(); i++) {
        JsonObject q = list.getJsonObject(i);
        ParsedName p = CorrectionKeys.parsed(q.getString("rel_path"));
        JsonObject seen = (JsonObject) q.remove("seen");
        JsonArray evidence = new JsonArray().add("parsed from the name: " + describe(p));
        seen.getJsonArray("evidence", new JsonArray()).forEach(evidence::add);
        ((JsonArray) q.remove("analysis")).forEach(line -> { // also in the matcher's evidence when analysis asked the question
          if (!evidence.contains(line)) {
            evidence.add(line);
          }
        });
        q.put("guess", p.title()).put("evidence", evidence).put("candidates", seen.getJsonArray("candidates", new JsonArray()));
      }
      return list;
    });
  }

  public Future<JsonArray> search(Lookup lookup) {
    TmdbSearch t = tmdb.orElseThrow(() -> new WebProblem(503, "TMDB is not configured (tmdb.api_key or tmdb.token)"));
    return blocking(() -> t.search(lookup));
  }

  /** Carries out an answer; says what was done. */
  public Future<JsonObject> answer(long videoId, Answer answer) {
    return blocking(() -> {
      Video video = video(videoId);
      return switch (answer) {
        case Answer.Skip s ->
            done(Blocking.await(store.skip(videoId)), videoId, "skipped: asked again after the others");
        case Answer.Ignore i -> done(Blocking.await(store.ignore(videoId)), videoId, "ignored: left where it is");
        case Answer.Tmdb t -> apply(video, identityFor(video, t), "tmdb");
        case Answer.Other o -> apply(video, MediaIdentity.other(o.title().strip(), o.year()), "other");
      };
    });
  }

  private Video video(long videoId) {
    try {
      return Blocking.await(videos.get(videoId));
    } catch (RuntimeException e) {
      throw WebProblem.notFound("no video " + videoId);
    }
  }

  private JsonObject done(boolean ok, long videoId, String what) {
    if (!ok) {
      throw WebProblem.conflict("video " + videoId + " is not waiting for an answer");
    }
    return new JsonObject().put("video", videoId).put("done", what);
  }

  private MediaIdentity identityFor(Video video, Answer.Tmdb t) {
    TmdbSearch search = tmdb.orElseThrow(() -> new WebProblem(503, "TMDB is not configured: file it under Other instead"));
    if (t.kind().equals("movie")) {
      return search.movie(t.tmdbId());
    }
    MediaIdentity show = search.show(t.tmdbId());
    return CorrectionKeys.episodeOf(show, CorrectionKeys.parsed(video.relPath())).orElseThrow(() -> WebProblem.badRequest(
        "the name '" + video.displayPath() + "' gives no episode number, so it cannot be filed under a show; "
            + "choose a film or file it under Other"));
  }

  private JsonObject apply(Video video, MediaIdentity identity, String how) {
    ParsedName p = CorrectionKeys.parsed(video.relPath());
    boolean show = identity.kind() == MediaIdentity.Kind.EPISODE;
    MediaIdentity kept = show ? MediaIdentity.episode(identity.title(), identity.year(), 1, List.of(1))
        .withIds(identity.tmdbId(), identity.imdbId(), identity.tvdbId()) : identity;
    String summary = summary(identity) + " (answer for " + video.displayPath() + ")";
    Correction c = new Correction(Optional.empty(), show ? "tv" : how.equals("other") ? "other" : "movie", identity.tmdbId(),
        identity.season(), identity.episodes() == null || identity.episodes().isEmpty() ? null : identity.episodes().getFirst(), video.source(),
        CorrectionKeys.folder(video.relPath()), show ? CorrectionKeys.showKey(p) : null, video.contentHash().orElse(null),
        kept, summary);
    long[] ids;
    try {
      ids = Blocking.await(store.answer(video, ReviewAnswers.match(video, identity, "answered on the review page: "
          + summary(identity)), c));
    } catch (IllegalStateException e) {
      throw WebProblem.conflict(e.getMessage());
    }
    ring.accept(ids[0]);
    log.info("video {} answered on the review page: {}", video.id(), summary(identity));
    wantSweep(); // the other questions this answer settles
    return new JsonObject().put("video", video.id()).put("done", "identified as " + summary(identity)
        + "; organizing now").put("correction", ids[1]).put("job", ids[0]);
  }

  /** Applies live corrections to the questions that match them; gives how many were answered. */
  public Future<Integer> sweep() {
    return blocking(this::sweepNow);
  }

  private int sweepNow() {
    try {
      int answered = 0;
      for (Video v : Blocking.await(store.waiting(500))) {
        answered += reuse(v) ? 1 : 0;
      }
      return answered;
    } catch (RuntimeException e) {
      if (!stopping) {
        log.warn("applying corrections failed: {}", e.toString());
      }
      throw e;
    }
  }

  /**
   * Starts the sweeps: one virtual thread that sweeps at once, then whenever a sweep is wanted
   * (an answer was given, a step of this daemon moved a video to needs_review) and at least every
   * {@code every}: the safety net for a video sent to review another way (a correction taken back,
   * an undo that asks again, another daemon on the database).
   */
  public void startSweeps(Duration every) {
    sweeps = Repeating.now("vorg-review-sweeps", every, () -> {
      try {
        sweepNow();
      } catch (RuntimeException e) {
        // logged by sweepNow; tried again at the next wake or after every
      }
    });
  }

  /** Asks the sweeps' thread, when running, for a sweep now (or right after the one in progress). */
  public void wantSweep() {
    Repeating r = sweeps;
    if (r != null) {
      r.wake();
    }
  }

  /** Ends the sweeps, a sweep in progress cut short; returns when their thread ended. */
  public void stopSweeps() {
    stopping = true;
    Repeating r = sweeps;
    if (r != null) {
      r.stop();
    }
  }

  private boolean reuse(Video v) {
    ParsedName p = CorrectionKeys.parsed(v.relPath());
    Optional<ReviewStore.Stored> found = Blocking.await(store.correctionFor(v.contentHash().orElse(null), v.source(),
        CorrectionKeys.folder(v.relPath()), CorrectionKeys.showKey(p)));
    Optional<MediaIdentity> identity = found.flatMap(row -> row.kind().equals("tv")
        ? CorrectionKeys.episodeOf(row.identity(), p) : Optional.of(row.identity()));
    if (identity.isEmpty()) {
      return false;
    }
    Correction existing = new Correction(Optional.of(found.get().id()), null, null, null, null, null, null, null, null,
        null, null);
    String reason = "correction " + found.get().id() + " applied without asking: " + found.get().summary();
    long[] ids;
    try {
      ids = Blocking.await(store.answer(v, ReviewAnswers.match(v, identity.get(), reason), existing));
    } catch (RuntimeException e) {
      return false; // answered meanwhile: nothing to do
    }
    ring.accept(ids[0]);
    log.info("video {} ({}) named by {}", v.id(), v.displayPath(), reason);
    return true;
  }

  /**
   * Takes a correction back: no longer reused, and the videos it named that are not organized yet
   * wait in review again; {@code organized} lists the others (the caller puts those back).
   */
  public Future<JsonObject> revoke(long correctionId) {
    return store.revoke(correctionId).recover(e -> Future.failedFuture(e instanceof java.util.NoSuchElementException
        ? WebProblem.notFound(e.getMessage()) : e))
        .map(r -> r.put("done", r.getInteger("back_to_review") + " video(s) back in review"));
  }

  public Future<JsonArray> corrections(long videoId) {
    return store.corrections(videoId);
  }

  static String summary(MediaIdentity id) {
    String year = id.year() == null ? "" : " (" + id.year() + ")";
    return switch (id.kind()) {
      case MOVIE -> "film " + id.title() + year + (id.tmdbId() == null ? "" : " [tmdb " + id.tmdbId() + "]");
      case EPISODE -> "show " + id.title() + year + (id.tmdbId() == null ? "" : " [tmdb " + id.tmdbId() + "]");
      case OTHER -> "Other/" + id.title() + year;
    };
  }

  private static String describe(ParsedName p) {
    return p.type().name().toLowerCase(java.util.Locale.ROOT) + " '" + p.title() + "'" + (p.year() == null ? "" : " " + p.year())
        + (p.episodes() == null || p.episodes().isEmpty() ? "" : " S" + p.season() + "E" + p.episodes());
  }

  private static <T> Future<T> blocking(Callable<T> work) {
    return Blocking.onVirtualThread("vorg-review", work);
  }
}
