package org.videoorganizer.daemon.pipeline;

import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.List;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.organize.Identification;
import org.videoorganizer.daemon.organize.Identifier;
import org.videoorganizer.daemon.organize.SourceGroup;
import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.JobStore.Write;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;

/**
 * Names the video (parser, NFO, and the TMDB matcher when a key is configured) and stores the
 * identity with its evidence. Unsure answers wait in NEEDS_REVIEW instead of being guessed.
 */
final class IdentifyStage implements Stage {

  private final Sources sources;
  private final Identifier identifier;

  IdentifyStage(Sources sources, Identifier identifier) {
    this.sources = sources;
    this.identifier = identifier;
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
    Path file = sources.file(video);
    Identification idf = identifier.identify(new SourceGroup(sources.root(video), file, List.of()));
    lease.check();
    return switch (idf) {
      case Identification.Named n -> Outcomes.advance(video.id(), VideoState.IDENTIFIED, "analyze", match(video, n.identity(), n.reason()));
      case Identification.Review r -> Outcomes.stop(video.id(), VideoState.NEEDS_REVIEW, r.reason());
      case Identification.Skip s -> Outcomes.stop(video.id(), VideoState.REJECTED, s.reason());
      // TMDB down or refusing: the job is retried with back-off, the file stays where it is.
      case Identification.Failed f -> throw new IllegalStateException(f.reason());
    };
  }

  private static Write match(Video video, MediaIdentity id, String reason) {
    var evidence = new io.vertx.core.json.JsonObject().put("identity", IdentityJson.write(id)).put("reason", reason);
    Integer episode = id.episodes() == null || id.episodes().isEmpty() ? null : id.episodes().getFirst();
    return new Write("insert into media_matches (video_id, kind, title, year, season, episode, tmdb_id, confidence, evidence) "
        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (video_id) do update set kind = excluded.kind, "
        + "title = excluded.title, year = excluded.year, season = excluded.season, episode = excluded.episode, "
        + "tmdb_id = excluded.tmdb_id, confidence = excluded.confidence, evidence = excluded.evidence",
        Tuple.from(new Object[] {video.id(), id.kind().name().toLowerCase(java.util.Locale.ROOT), id.title(), id.year(),
            id.season(), episode, id.tmdbId(), null, evidence}));
  }
}
