package org.videoorganizer.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * What the pages and the JSON API need from the daemon. The daemon implements it over its store
 * and pipeline; every answer is plain JSON, the same the API sends. A refusal the person can act
 * on fails the future with a {@link WebProblem}.
 */
public interface WebBackend {

  /** Counts per state, queue, throughput, sources, library, Jellyfin, TMDB usage, recent problems. */
  Future<JsonObject> overview();

  /** One page of videos, newest change first: {@code {"items": [...], "next": cursor or null}}. */
  Future<JsonObject> videos(VideoFilter filter);

  /** Everything known of one video, or empty when there is no such id. */
  Future<Optional<JsonObject>> video(long id);

  /** The open questions, oldest first, each with its reason, candidates and evidence. */
  Future<JsonArray> reviews(int limit);

  /** TMDB hits for a title (and year), or the title a pasted TMDB/IMDb id stands for. */
  Future<JsonArray> search(Lookup lookup);

  /** Carries out an answer to the question about {@code videoId}; says what was done. */
  Future<JsonObject> answer(long videoId, Answer answer);

  /** Takes back a correction and what it did that can still be taken back. */
  Future<JsonObject> undoCorrection(long correctionId);

  /** Runs one manual control. */
  Future<JsonObject> control(Control control);
}
