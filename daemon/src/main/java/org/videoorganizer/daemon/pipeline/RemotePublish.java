package org.videoorganizer.daemon.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.organize.FileResult;
import org.videoorganizer.daemon.plan.PlannedFile;
import org.videoorganizer.daemon.plan.PlannedNfo;
import org.videoorganizer.daemon.plan.PlannedUnit;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.sync.PublishResult;
import org.videoorganizer.daemon.sync.RcloneProblem;
import org.videoorganizer.daemon.sync.RemoteLibrary;

/**
 * The organize step's hook for a library on an rclone remote: once a unit is carried into the
 * local staging tree, its files there are published ({@link RemoteLibrary}); only then are the
 * database rows written. A failed upload keeps the staging copy and makes the job wait (no
 * attempt used up); a name taken by another file on the remote is a question for review.
 * Without a remote library it does nothing.
 */
final class RemotePublish {

  static final RemotePublish NONE = new RemotePublish(Optional.empty());

  private final Optional<RemoteLibrary> remote;

  RemotePublish(Optional<RemoteLibrary> remote) {
    this.remote = remote;
  }

  /**
   * After a crash between publishing and recording: the staging copy is gone, the remote holds it.
   *
   * @throws Mounts.Wait when the remote cannot be asked now
   */
  boolean holds(Path target, long size) {
    try {
      return remote.isPresent() && remote.get().holds(target, size);
    } catch (RcloneProblem p) {
      throw new Mounts.Wait("the remote library could not be checked for " + target.getFileName() + ": " + p.getMessage());
    }
  }

  /**
   * Before anything moves: the video's name taken on the remote by another file is a question
   * for review (a {@code REVIEW} result), as a taken name in a local library is for the mover.
   *
   * @throws Mounts.Wait when the remote cannot be asked now
   */
  Optional<FileResult> taken(PlannedFile video) throws IOException {
    if (remote.isEmpty()) {
      return Optional.empty();
    }
    try {
      return remote.get().taken(video.target(), video.source())
          .map(why -> new FileResult(video.source(), video.target(), FileResult.Outcome.REVIEW, why, 0));
    } catch (RcloneProblem p) {
      throw new Mounts.Wait("the remote library could not be checked for " + video.target().getFileName() + ": " + p.getMessage());
    }
  }

  /**
   * Publishes the unit's files found in the staging tree (the video always, so one already on
   * the remote is recognized); empty when all are in the library, else why the video needs review.
   *
   * @throws Mounts.Wait when an upload failed: retried later, the staging copy kept
   */
  Optional<String> publish(Video video, PlannedUnit unit) throws IOException {
    if (remote.isEmpty()) {
      return Optional.empty();
    }
    PublishResult result;
    try {
      result = remote.get().afterOrganize("video-" + video.id(), files(unit));
    } catch (RcloneProblem p) {
      throw new Mounts.Wait("video " + video.id() + " is in the staging tree and waits for the remote library: " + p.getMessage());
    }
    for (PublishResult.FileOutcome f : result.files()) {
      if (f.state() == PublishResult.State.FAILED) {
        throw new Mounts.Wait("video " + video.id() + ": " + f.libraryPath() + " not yet in the remote library (" + f.detail()
            + "); the staging copy is kept and the upload retried");
      }
    }
    return result.files().stream().filter(f -> f.state() == PublishResult.State.CONFLICT).findFirst()
        .map(f -> f.libraryPath() + " in the remote library: " + f.detail());
  }

  private static List<Path> files(PlannedUnit unit) {
    List<Path> out = new ArrayList<>(List.of(unit.video().target()));
    for (PlannedFile f : unit.files()) {
      if (f.target() != null && !out.contains(f.target()) && Files.isRegularFile(f.target(), LinkOption.NOFOLLOW_LINKS)) {
        out.add(f.target());
      }
    }
    for (PlannedNfo n : unit.nfos()) {
      if (!out.contains(n.target()) && Files.isRegularFile(n.target(), LinkOption.NOFOLLOW_LINKS)) {
        out.add(n.target());
      }
    }
    return out;
  }
}
