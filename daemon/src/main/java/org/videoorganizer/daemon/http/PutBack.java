package org.videoorganizer.daemon.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.daemon.organize.FileResult;
import org.videoorganizer.daemon.organize.VideoUndo;
import org.videoorganizer.daemon.pipeline.Announcer;
import org.videoorganizer.daemon.store.ControlStore;
import org.videoorganizer.web.WebProblem;

/**
 * The undo control, and the second half of taking back an answer: puts one organized video back
 * out of the library. The files go back through the organize journals ({@link VideoUndo}), then
 * the store forgets them ({@link ControlStore#undone}) and Jellyfin is told the video's library
 * path changed (it drops the item when it finds the file gone).
 */
final class PutBack {

  private final ControlStore controls;
  private final Path library;
  private final Optional<Announcer> announcer;

  PutBack(ControlStore controls, Path library, Optional<Announcer> announcer) {
    this.controls = controls;
    this.library = library;
    this.announcer = announcer;
  }

  /** Puts the video back; with {@code askAgain} (its answer was taken back) it waits in review again. */
  Future<JsonObject> video(long video, boolean askAgain) {
    return controls.undoable(video).compose(paths -> {
      if (paths.isEmpty()) {
        throw WebProblem.conflict("video " + video + " is not organized or announced, so there is nothing to put back");
      }
      return Blocking.onVirtualThread("vorg-put-back", () -> VideoUndo.putBack(library, paths.get()))
          .compose(r -> record(video, paths.get().getFirst(), r, askAgain));
    });
  }

  private Future<JsonObject> record(long video, Path videoFile, VideoUndo.Result r, boolean askAgain) {
    JsonObject out = new JsonObject().put("video", video).put("files", files(r));
    FileResult first = r.files().stream().filter(f -> videoFile.equals(f.target())).findFirst().orElse(r.files().getFirst());
    if (!videoFile.equals(first.target()) || first.outcome() != FileResult.Outcome.RESTORED) {
      throw WebProblem.conflict("video " + video + " stays in the library: " + first.reason());
    }
    String reason = (!r.sourceBack() ? "taken out of the library by undo on the web page: " + first.reason()
        : askAgain ? "put back to " + first.source() + " because its answer was taken back: answer again"
        : "put back to " + first.source() + " by undo on the web page; retry organizes it again")
        + (r.complete() ? "" : "; some of its files stay in the library (see the undo's files)");
    return controls.undone(video, r.sourceBack(), reason, askAgain).compose(x -> announceGone(videoFile))
        .map(jellyfin -> out.put("done", reason).put("jellyfin", jellyfin));
  }

  private static JsonArray files(VideoUndo.Result r) {
    JsonArray files = new JsonArray();
    r.files().forEach(f -> files.add(new JsonObject().put("source", f.source() == null ? null : f.source().toString())
        .put("library", f.target() == null ? null : f.target().toString())
        .put("outcome", f.outcome().name().toLowerCase(Locale.ROOT)).put("reason", f.reason())));
    return files;
  }

  private Future<String> announceGone(Path videoFile) {
    if (announcer.isEmpty()) {
      return Future.succeededFuture("Jellyfin is not configured");
    }
    return Blocking.onVirtualThread("vorg-put-back", () -> {
      announcer.get().announce(List.of(videoFile));
      return "told Jellyfin that " + videoFile + " changed; it drops the item when it finds the file gone";
    }).recover(e -> Future.succeededFuture("could not tell Jellyfin (" + e.getMessage() + "); re-scan its library"));
  }
}
