package org.videoorganizer.daemon.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.daemon.queue.Dispatcher;
import org.videoorganizer.daemon.ingest.Ingestor;
import org.videoorganizer.daemon.pipeline.Announcer;
import org.videoorganizer.daemon.review.ReviewService;
import org.videoorganizer.daemon.store.ControlStore;
import org.videoorganizer.daemon.store.ReviewStore;
import org.videoorganizer.daemon.store.VideoQueries;
import org.videoorganizer.web.Answer;
import org.videoorganizer.web.Control;
import org.videoorganizer.web.Lookup;
import org.videoorganizer.web.VideoFilter;
import org.videoorganizer.web.WebBackend;
import org.videoorganizer.web.WebProblem;

/**
 * The daemon's side of the web page: its store, its review service, its dispatcher and ingestor,
 * and the Jellyfin announcer (to say a video put back out of the library is gone).
 */
public final class WebBackendImpl implements WebBackend {

  private final Supplier<Future<JsonObject>> status;
  private final VideoQueries queries;
  private final ReviewService reviews;
  private final ControlStore controls;
  private final Dispatcher dispatcher;
  private final Ingestor ingestor;
  private final Path library;
  private final Optional<Path> libraryMarker;
  private final PutBack putBack;

  /** {@code status}: what {@code /api/status} answers (store, this process, Jellyfin). */
  public WebBackendImpl(io.vertx.sqlclient.Pool pool, Supplier<Future<JsonObject>> status, ReviewService reviews,
      Dispatcher dispatcher, Ingestor ingestor, Path library, Optional<Path> libraryMarker, Optional<Announcer> announcer) {
    this.status = status;
    this.queries = new VideoQueries(pool);
    this.reviews = reviews;
    this.controls = new ControlStore(pool);
    this.dispatcher = dispatcher;
    this.ingestor = ingestor;
    this.library = library;
    this.libraryMarker = libraryMarker;
    this.putBack = new PutBack(controls, library, announcer);
  }

  @Override
  public Future<JsonObject> overview() {
    return status.get().compose(s -> queries.throughput().map(t -> s.put("throughput", t)))
        .compose(s -> Blocking.onVirtualThread("vorg-library-figures", () -> s.put("library", library())))
        .map(s -> {
          JsonObject stats = s.getJsonObject("stats", new JsonObject());
          JsonObject today = stats.getJsonObject("today", new JsonObject());
          JsonObject week = stats.getJsonObject("last_7_days", new JsonObject());
          s.put("tmdb", new JsonObject().put("requests_today", today.getValue("tmdb_requests", 0))
              .put("cache_hits_today", today.getValue("tmdb_cache_hits", 0))
              .put("requests_7_days", week.getValue("tmdb_requests", 0)));
          JsonObject analysis = s.getJsonObject("analysis", new JsonObject());
          JsonObject costs = analysis.getJsonObject("costs", new JsonObject());
          JsonObject budget = analysis.getJsonObject("budget", new JsonObject());
          s.put("costs", new JsonObject().put("today_usd", costs.getValue("today_usd", 0))
              .put("month_usd", costs.getValue("month_usd", 0)).put("remote_calls_today", costs.getValue("calls_today", 0))
              .put("budget", budget.getString("state", analysis.getBoolean("enabled", false) ? null : "analysis is off")));
          JsonObject jf = s.getJsonObject("jellyfin");
          if (jf != null && jf.getJsonObject("confirmation") != null) {
            s.put("jellyfin", new JsonObject().put("reachable", jf.getValue("reachable"))
                .put("counts", jf.getJsonObject("confirmation").getJsonObject("counts")));
          }
          return s;
        })
        .compose(s -> controls.paused().map(p -> s.put("paused", p)));
  }

  private JsonObject library() {
    JsonObject o = new JsonObject().put("path", library.toString());
    boolean mounted = Files.isDirectory(library) && libraryMarker.map(Files::exists).orElse(true);
    o.put("mounted", mounted);
    try {
      o.put("free_bytes", mounted ? Files.getFileStore(library).getUsableSpace() : null);
    } catch (IOException e) {
      o.put("free_bytes", null).put("problem", e.getMessage());
    }
    return o;
  }

  @Override
  public Future<JsonObject> videos(VideoFilter f) {
    try {
      return queries.page(new VideoQueries.Filter(f.state(), f.source(), f.type(), f.text(), f.after(), f.limit()));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(WebProblem.badRequest(e.getMessage()));
    }
  }

  @Override
  public Future<Optional<JsonObject>> video(long id) {
    return queries.video(id).compose(v -> v.isEmpty() ? Future.succeededFuture(v)
        : reviews.corrections(id).map(c -> Optional.of(v.get().put("corrections", c))));
  }

  @Override
  public Future<JsonArray> reviews(int limit) {
    if (limit < 1 || limit > 500) {
      return Future.failedFuture(WebProblem.badRequest("limit must be between 1 and 500, got " + limit));
    }
    return reviews.questions(limit);
  }

  @Override
  public Future<JsonArray> search(Lookup lookup) {
    return reviews.search(lookup);
  }

  @Override
  public Future<JsonObject> answer(long videoId, Answer answer) {
    return reviews.answer(videoId, answer);
  }

  /** Takes a correction back; the videos it already organized are put back and asked about again. */
  @Override
  public Future<JsonObject> undoCorrection(long correctionId) {
    return reviews.revoke(correctionId).compose(r -> {
      Future<JsonArray> chain = Future.succeededFuture(new JsonArray());
      for (Object id : r.getJsonArray("organized")) {
        long video = ((Number) id).longValue();
        chain = chain.compose(done -> putBack.video(video, true).map(done::add)
            .recover(e -> Future.succeededFuture(done.add(new JsonObject().put("video", video).put("error", e.getMessage())))));
      }
      return chain.map(putBack -> {
        long failed = putBack.stream().filter(o -> ((JsonObject) o).containsKey("error")).count();
        return r.put("put_back", putBack).put("done", r.getString("done") + (putBack.isEmpty() ? ""
            : "; " + (putBack.size() - failed) + " organized video(s) put back and asked again"
                + (failed == 0 ? "" : ", " + failed + " could not be put back (see put_back)")));
      });
    });
  }

  @Override
  public Future<JsonObject> control(Control c) {
    JsonObject out = new JsonObject().put("control", c.action());
    return switch (c.action()) {
      case "pause", "resume" -> {
        boolean pause = c.action().equals("pause");
        yield controls.pause(pause, "the web page").map(x -> {
          dispatcher.pause(pause);
          return out.put("done", pause ? "paused: no daemon on this database takes new steps (also after a restart); "
              + "running ones finish" : "resumed");
        });
      }
      case "rescan" -> ingestor.rescan(c.source().get()) ? Future.succeededFuture(out.put("done", "scanning " + c.source().get()))
          : Future.failedFuture(WebProblem.notFound("no source named '" + c.source().get() + "'"));
      case "retry" -> queued(controls.retry(c.videoId().get()), out, c, "failed or rejected");
      case "reannounce" -> queued(controls.reannounce(c.videoId().get()), out, c,
          "in the library (organized, announced, confirmed or mismatched)");
      default -> putBack.video(c.videoId().get(), false).map(out::mergeIn);
    };
  }

  private Future<JsonObject> queued(Future<Optional<Long>> job, JsonObject out, Control c, String needed) {
    long video = c.videoId().get();
    return job.map(j -> {
      if (j.isEmpty()) {
        throw WebProblem.conflict("video " + video + " is not " + needed);
      }
      dispatcher.ring(j.get());
      return out.put("video", video).put("job", j.get()).put("done", c.action() + " queued");
    });
  }
}
