package org.videoorganizer.daemon.pipeline;

import io.vertx.sqlclient.Tuple;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.ingest.ContainerCheck;
import org.videoorganizer.daemon.ingest.Fingerprint;
import org.videoorganizer.daemon.ingest.Ingestor;
import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.JobStore.Write;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;

/**
 * Hashes the file and decides duplicates. A video whose container is cut short or broken
 * ({@link ContainerCheck}) is rejected with the reason before it is hashed. Two copies with the same bytes racing through two
 * workers are settled in the database: the completion takes a lock on the hash, and a video
 * whose bytes another live video already has becomes DUPLICATE (kept, never deleted).
 */
final class FingerprintStage implements Stage {

  private final Sources sources;

  FingerprintStage(Sources sources) {
    this.sources = sources;
  }

  @Override
  public String name() {
    return "fingerprint";
  }

  @Override
  public Step run(Video video, Job job, LeaseCheck lease) throws Exception {
    if (video.state() != VideoState.DISCOVERED) {
      return Outcomes.nothing();
    }
    Path file = sources.file(video);
    BasicFileAttributes before;
    try {
      before = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      sources.root(video); // a source mount that dropped just now is a wait, not a vanished file
      return Outcomes.stop(video.id(), VideoState.VANISHED, "the file disappeared from the source before it was hashed");
    }
    if (before.size() != video.size() || before.lastModifiedTime().toMillis() != video.mtimeMs()) {
      return Outcomes.stop(video.id(), VideoState.VANISHED, "the file changed after it was found; it is recorded again as new");
    }
    Fingerprint.Hashes h;
    try {
      if (ContainerCheck.isVideoContainer(file)
          && ContainerCheck.check(file) instanceof ContainerCheck.Damaged damaged) {
        return Outcomes.stop(video.id(), VideoState.REJECTED,
            "the video is damaged or incomplete: " + damaged.reason());
      }
      h = Fingerprint.of(file);
    } catch (AccessDeniedException e) {
      return Outcomes.stop(video.id(), VideoState.REJECTED, Ingestor.UNREADABLE);
    }
    lease.check();
    return new Step(List.of(
        new Write("select pg_advisory_xact_lock(hashtext($1))", Tuple.of(h.full())),
        new Write("update videos set quick_hash = $2, content_hash = $3, sidecars = $4, updated_at = now(), "
            + "duplicate_of = (select min(o.id) from videos o where o.content_hash = $3 and o.id <> $1 "
            + "and o.state not in ('discovered', 'duplicate', 'rejected', 'failed', 'vanished')), "
            + "state = case when exists (select 1 from videos o where o.content_hash = $3 and o.id <> $1 "
            + "and o.state not in ('discovered', 'duplicate', 'rejected', 'failed', 'vanished')) "
            + "then 'duplicate' else 'fingerprinted' end where id = $1",
            Tuple.of(video.id(), h.quick(), h.full(), sidecarsJson(file))),
        new Write("update videos set reason = 'the same bytes as video ' || duplicate_of || '; kept, not imported twice' "
            + "where id = $1 and state = 'duplicate'", Tuple.of(video.id()))),
        Optional.of("identify"));
  }

  private static io.vertx.core.json.JsonArray sidecarsJson(Path video) {
    var array = new io.vertx.core.json.JsonArray();
    Sidecars.of(video).forEach(p -> array.add(p.getFileName().toString()));
    return array;
  }
}
