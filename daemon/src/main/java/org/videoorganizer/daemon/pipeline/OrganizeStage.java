package org.videoorganizer.daemon.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.ingest.Fingerprint;
import org.videoorganizer.daemon.organize.EmptiedFolders;
import org.videoorganizer.daemon.organize.FileResult;
import org.videoorganizer.daemon.plan.OrganizePlanner;
import org.videoorganizer.daemon.plan.PlannedUnit;
import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.OrganizeStore;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;

/**
 * Publishes the video into the library exactly as {@code vorg organize} would: the source group
 * stored at fingerprinting is planned by the same {@link OrganizePlanner} (sidecars, artwork,
 * {@code Subs/} subtitles, NFO files, a disc folder moved whole) and carried out by the same safe
 * mover and journal (verified, no overwrite, source retired to a trash, undoable with
 * {@code vorg undo}); the source folders it emptied are removed. Run again after a crash it finds
 * the same bytes at the target and finishes; a different file at the target waits for review.
 * While the library's or the source's mount marker is missing, or the library's unfinished
 * journals are not yet recovered ({@link Library}), it writes nothing: the job waits.
 */
final class OrganizeStage implements Stage {

  /** One line per organized file, shown at the default level (logback.xml); {@code -v} adds the detail. */
  private static final Logger log = LoggerFactory.getLogger("org.videoorganizer.organized");

  private final OrganizeStore store;
  private final Sources sources;
  private final StoredGroups groups;
  private final Movers movers;
  private final Library library;
  private final OrganizePlanner planner;
  private final boolean announce;
  private final RemotePublish remote;

  OrganizeStage(OrganizeStore store, Sources sources, StoredGroups groups, Movers movers, Library library,
      OrganizePlanner planner, boolean announce, RemotePublish remote) {
    this.remote = remote;
    this.store = store;
    this.sources = sources;
    this.groups = groups;
    this.movers = movers;
    this.library = library;
    this.planner = planner;
    this.announce = announce;
  }

  @Override
  public String name() {
    return "organize";
  }

  @Override
  public Step run(Video video, Job job, LeaseCheck lease) throws Exception {
    if (video.state() != VideoState.IDENTIFIED && video.state() != VideoState.ANALYZED) {
      return Outcomes.nothing();
    }
    // Before anything looks at the library or the source: a dropped mount must read as "wait",
    // never as "the file is gone" or "write onto the local disk".
    Path libraryRoot = library.require();
    Path source = sources.file(video);
    OrganizeStore.Identified identified = Blocking.await(store.identified(video.id())).orElseThrow(
        () -> new IllegalStateException("video " + video.id() + " has no stored identity to organize by"));
    MediaIdentity identity = identified.identity();
    String how = how(identified);
    PlannedUnit unit = planner.plan(groups.of(video), new Identification.Named(identity, how), libraryRoot);
    if (unit.action() != PlannedUnit.Action.ORGANIZE) {
      return Outcomes.stop(video.id(), VideoState.NEEDS_REVIEW, unit.reason());
    }
    Path target = unit.video().target();
    lease.check();
    if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
      sources.root(video); // a source mount that dropped just now is a wait, not a vanished file
      return alreadyPublished(video, target) || remote.holds(target, video.size()) ? organized(video, unit, List.of())
          : Outcomes.stop(video.id(), VideoState.VANISHED, "the file disappeared from the source before it was organized");
    }
    List<FileResult> results = carryOut(video, unit);
    FileResult result = results.getFirst();
    return switch (result.outcome()) {
      case MOVED, COPIED, LINKED, ALREADY_THERE -> published(video, unit, results, how);
      case SKIPPED, REVIEW -> Outcomes.stop(video.id(), VideoState.NEEDS_REVIEW,
          result.target() == null ? result.reason() : result.target() + ": " + result.reason());
      case FAILED, RESTORED, WRITTEN -> {
        library.require(); // the mount dropped during the copy: wait rather than use up an attempt
        throw new IllegalStateException("could not carry " + source.getFileName() + " to " + target + ": " + result.reason());
      }
    };
  }

  /** The mover, with the library checked again just before; a failure after it went away is a wait. */
  private List<FileResult> carryOut(Video video, PlannedUnit unit) throws IOException {
    library.require();
    Optional<FileResult> taken = remote.taken(unit.video());
    if (taken.isPresent()) {
      return List.of(taken.get());
    }
    try {
      return movers.carryOut(sources.root(video), unit);
    } catch (IOException | RuntimeException e) {
      library.require();
      throw e;
    }
  }

  private Step published(Video video, PlannedUnit unit, List<FileResult> results, String how) throws IOException {
    List<Path> movedFrom = new ArrayList<>();
    for (FileResult r : results) {
      if (r.target() != null && carried(r)) {
        log.info("organized {} -> {} ({})", r.source() == null ? "(written)" : r.source(), r.target(), how);
      }
      if (r.source() != null && !movers.keepsSource() && !Files.exists(r.source(), LinkOption.NOFOLLOW_LINKS)) {
        movedFrom.add(r.source());
      }
    }
    EmptiedFolders.remove(sources.root(video), movedFrom);
    return organized(video, unit, results.subList(1, results.size()));
  }

  private static boolean carried(FileResult r) {
    return switch (r.outcome()) {
      case MOVED, COPIED, LINKED, ALREADY_THERE, WRITTEN -> true;
      default -> false;
    };
  }

  /** A crash after the source was retired but before the database heard of it. */
  private static boolean alreadyPublished(Video video, Path target) throws IOException {
    return Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
        && video.contentHash().equals(Optional.of(Fingerprint.of(target).full()));
  }

  // The files carried from the source are recorded (and announced); the NFO files written here
  // are in the journal only (undo removes them): Jellyfin reads them when it scans the video's folder.
  // With a library on a remote, the unit is published from the staging tree first (RemotePublish).
  private Step organized(Video video, PlannedUnit unit, List<FileResult> sidecars) throws IOException {
    Path target = unit.video().target();
    Optional<String> notPublished = remote.publish(video, unit);
    if (notPublished.isPresent()) {
      return Outcomes.stop(video.id(), VideoState.NEEDS_REVIEW, notPublished.get());
    }
    List<Change.Carried> carried = sidecars.stream().filter(r -> r.source() != null && r.target() != null && carried(r))
        .map(r -> new Change.Carried(r.target(), r.bytes())).toList();
    return new Step(List.of(new Change.Organized(video.id(), target, video.contentHash().orElse(""), video.size(),
        movers.keepsSource(), carried)), announce ? Optional.of("announce") : Optional.empty());
  }

  // How the video was identified, for the log: the identify step's reason and the TMDB id.
  private static String how(OrganizeStore.Identified identified) {
    Long tmdbId = identified.identity().tmdbId();
    return tmdbId == null ? identified.reason() : identified.reason() + "; tmdb " + tmdbId;
  }
}
