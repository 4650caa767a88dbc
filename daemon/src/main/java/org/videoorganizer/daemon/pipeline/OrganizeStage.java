package org.videoorganizer.daemon.pipeline;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.naming.LibraryPath;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.ingest.Fingerprint;
import org.videoorganizer.daemon.organize.FileResult;
import org.videoorganizer.daemon.plan.PlannedFile;
import org.videoorganizer.daemon.plan.PlannedUnit;
import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Blocking;
import org.videoorganizer.daemon.store.DailyStats;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.JobStore.Write;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;

/**
 * Publishes the video into the library with the safe mover of {@code vorg organize} (verified,
 * no overwrite, source retired to a trash, journaled). Run again after a crash it finds the same
 * bytes at the target and finishes; a different file at the target waits for review. While the
 * library's or the source's mount marker is missing, or the library's unfinished journals are
 * not yet recovered ({@link Library}), it writes nothing: the job waits.
 */
final class OrganizeStage implements Stage {

  private final Pool pool;
  private final Sources sources;
  private final Movers movers;
  private final Library library;
  private final JellyfinNaming naming;
  private final boolean announce;

  OrganizeStage(Pool pool, Sources sources, Movers movers, Library library, JellyfinNaming naming, boolean announce) {
    this.pool = pool;
    this.sources = sources;
    this.movers = movers;
    this.library = library;
    this.naming = naming;
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
    MediaIdentity identity = identity(video.id());
    Path target;
    LibraryPath videoPath;
    try {
      videoPath = naming.video(identity, extension(source));
      target = videoPath.resolveIn(libraryRoot);
    } catch (IllegalArgumentException e) {
      return Outcomes.stop(video.id(), VideoState.NEEDS_REVIEW, "cannot be named: " + e.getMessage());
    }
    lease.check();
    if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
      sources.root(video); // a source mount that dropped just now is a wait, not a vanished file
      return alreadyPublished(video, target) ? organized(video, target, List.of())
          : Outcomes.stop(video.id(), VideoState.VANISHED, "the file disappeared from the source before it was organized");
    }
    List<PlannedFile> files = new ArrayList<>();
    files.add(new PlannedFile(source, target, PlannedFile.Role.VIDEO, null));
    files.addAll(SidecarTargets.plan(source, video.sidecars(), videoPath, naming, libraryRoot));
    var unit = new PlannedUnit(1, files, PlannedUnit.Action.ORGANIZE, "identified", identity);
    List<FileResult> results = carryOut(video, unit);
    FileResult result = results.getFirst();
    return switch (result.outcome()) {
      case MOVED, COPIED, LINKED, ALREADY_THERE -> organized(video, target, results.subList(1, results.size()));
      case SKIPPED, REVIEW -> Outcomes.stop(video.id(), VideoState.NEEDS_REVIEW, result.reason());
      case FAILED, RESTORED, WRITTEN -> {
        library.require(); // the mount dropped during the copy: wait rather than use up an attempt
        throw new IllegalStateException("could not carry " + source.getFileName() + " to " + target + ": " + result.reason());
      }
    };
  }

  /** The mover, with the library checked again just before; a failure after it went away is a wait. */
  private List<FileResult> carryOut(Video video, PlannedUnit unit) throws java.io.IOException {
    library.require();
    try {
      return movers.carryOut(sources.root(video), unit);
    } catch (java.io.IOException | RuntimeException e) {
      library.require();
      throw e;
    }
  }

  /** A crash after the source was retired but before the database heard of it. */
  private static boolean alreadyPublished(Video video, Path target) throws java.io.IOException {
    return Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == video.size()
        && video.contentHash().equals(Optional.of(Fingerprint.of(target).full()));
  }

  private Step organized(Video video, Path target, List<FileResult> sidecars) {
    List<Write> writes = new ArrayList<>();
    for (FileResult r : sidecars) {
      if (r.target() != null && r.outcome() != FileResult.Outcome.SKIPPED && r.outcome() != FileResult.Outcome.FAILED) {
        writes.add(new Write("insert into organized_files (video_id, library_path, content_hash, size, role) "
            + "values ($1, $2, '', $3, 'sidecar') on conflict (library_path) do nothing",
            Tuple.of(video.id(), r.target().toString(), r.bytes())));
      }
    }
    Write file = new Write("insert into organized_files (video_id, library_path, content_hash, size) values ($1, $2, $3, $4) "
        + "on conflict (library_path) do nothing", Tuple.of(video.id(), target.toString(), video.contentHash().orElse(""), video.size()));
    Write state = new Write("update videos set active = $3, updated_at = now(), "
        + "state = case when exists (select 1 from organized_files where library_path = $2 and video_id <> $1) "
        + "then 'duplicate' else 'organized' end, "
        + "reason = case when exists (select 1 from organized_files where library_path = $2 and video_id <> $1) "
        + "then 'the same bytes are already in the library at ' || $2 else null end where id = $1",
        Tuple.of(video.id(), target.toString(), movers.keepsSource()));
    writes.add(DailyStats.organized(target.toString(), video.id(), video.size())); // before the rows below
    writes.add(file);
    writes.add(state);
    return new Step(writes, announce ? Optional.of("announce") : Optional.empty());
  }

  private MediaIdentity identity(long videoId) {
    RowSet<Row> rows = Blocking.await(pool.preparedQuery("select evidence from media_matches where video_id = $1")
        .execute(Tuple.of(videoId)));
    if (rows.size() == 0) {
      throw new IllegalStateException("video " + videoId + " has no stored identity to organize by");
    }
    Object evidence = rows.iterator().next().getValue("evidence");
    return IdentityJson.read(((JsonObject) evidence).getJsonObject("identity"));
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
