package org.videoorganizer.daemon.pipeline;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.ingest.ContainerCheck;
import org.videoorganizer.daemon.ingest.Fingerprint;
import org.videoorganizer.daemon.ingest.Ingestor;
import org.videoorganizer.daemon.ingest.VideoUnit;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.daemon.source.SourceScanner;
import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;

/**
 * Groups the video with its sidecars, NFOs, artwork and disc folder ({@link
 * SourceScanner#groupOf}, the grouping of {@code vorg organize}) and stores that group for the
 * organize step; hashes the file and decides duplicates. A video whose container is cut short or broken
 * ({@link ContainerCheck}) is rejected with the reason before it is hashed. Two copies with the same bytes racing through two
 * workers are settled in the database: the completion takes a lock on the hash, and a video
 * whose bytes another live video already has becomes DUPLICATE (kept, never deleted).
 */
final class FingerprintStage implements Stage {

  private final Sources sources;
  private final SourceScanner scanner;

  FingerprintStage(Sources sources, SourceScanner scanner) {
    this.sources = sources;
    this.scanner = scanner;
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
    Path root = sources.root(video);
    SourceGroup group;
    VideoUnit now;
    try {
      group = scanner.groupOf(root, file).orElseGet(() -> new SourceGroup(root, file, List.of()));
      now = VideoUnit.of(group);
    } catch (NoSuchFileException e) {
      sources.root(video); // a source mount that dropped just now is a wait, not a vanished file
      return Outcomes.stop(video.id(), VideoState.VANISHED, "the file disappeared from the source before it was hashed");
    }
    if (now.size() != video.size() || now.mtimeMs() != video.mtimeMs()) {
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
    return new Step(List.of(new Change.Fingerprinted(video.id(), h.quick(), h.full(), group)), Optional.of("identify"));
  }
}
