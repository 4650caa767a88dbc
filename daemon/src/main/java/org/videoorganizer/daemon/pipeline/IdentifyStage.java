package org.videoorganizer.daemon.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;
import org.videoorganizer.daemon.analyze.VideoAnalysis;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.identify.Identifier;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;

/**
 * Names the video (parser, the NFO grouped with it, and the TMDB matcher when a key is
 * configured) and stores the identity with the matcher's confidence and evidence. Unsure answers
 * wait in NEEDS_REVIEW instead of being guessed; samples are REJECTED; a TMDB failure fails the
 * job, which is retried with back-off.
 */
final class IdentifyStage implements Stage {

  private final Identifier identifier;
  private final Function<Video, SourceGroup> groups;
  private final Optional<VideoAnalysis> analysis;

  /**
   * @param groups the source group of a video, as fingerprinting stored it ({@link StoredGroups})
   * @param analysis content analysis, when configured: a video whose name is not enough goes to
   *     the analyze step first ({@link VideoAnalysis#reason})
   */
  IdentifyStage(Identifier identifier, Function<Video, SourceGroup> groups, Optional<VideoAnalysis> analysis) {
    this.identifier = identifier;
    this.groups = groups;
    this.analysis = analysis;
  }

  @Override
  public String name() {
    return "identify";
  }

  @Override
  public Step run(Video video, Job job, LeaseCheck lease) {
    if (video.state() != VideoState.FINGERPRINTED) {
      return Outcomes.nothing();
    }
    SourceGroup group = groups.apply(video);
    Identification idf = identifier.identify(group);
    lease.check();
    Optional<String> why = analysis.flatMap(a -> a.reason(idf, group.video()));
    if (why.isPresent()) { // still FINGERPRINTED: the analyze step identifies it again with what it finds
      return Outcomes.handOn(video.id(), VideoState.FINGERPRINTED, "waiting for content analysis: " + why.get(), "analyze");
    }
    return switch (idf) {
      case Identification.Named n -> Outcomes.advance(video.id(), VideoState.IDENTIFIED, "analyze", match(video, n));
      case Identification.Review r -> Outcomes.stop(video.id(), VideoState.NEEDS_REVIEW, r.reason(),
          seen(video, r));
      case Identification.Skip s -> Outcomes.stop(video.id(), VideoState.REJECTED, s.reason());
      // TMDB down or refusing: the job is retried with back-off, the file stays where it is.
      case Identification.Failed f -> throw new IllegalStateException(f.reason());
    };
  }

  // What the review page shows for the question: the matcher's candidates and evidence, as they were.
  static Change.ReviewSeen seen(Video video, Identification.Review r) {
    JsonArray candidates = new JsonArray();
    r.candidates().forEach(c -> candidates.add(new JsonObject().put("kind", c.identity().kind().tmdbName())
        .put("tmdb_id", c.identity().tmdbId()).put("title", c.identity().title()).put("year", c.identity().year())
        .put("original_title", c.identity().originalTitle())
        .put("score", Math.round(c.score() * 100) / 100.0).put("why", c.why())));
    return new Change.ReviewSeen(video.id(),
        new JsonObject().put("candidates", candidates).put("evidence", new JsonArray(r.evidence())).encode());
  }

  // confidence: the matcher's, or null when TMDB gave no match (no key, or filed under Other).
  static Change.Matched match(Video video, Identification.Named named) {
    Double confidence = named.confidence().isPresent() ? named.confidence().getAsDouble() : null;
    return new Change.Matched(video.id(), named.identity(), confidence, named.reason(), named.evidence());
  }
}
