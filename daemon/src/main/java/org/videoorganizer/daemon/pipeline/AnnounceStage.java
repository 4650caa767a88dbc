package org.videoorganizer.daemon.pipeline;

import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.List;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.OrganizeStore;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;

/** Announces a video's library paths through the configured {@link Announcer}. */
final class AnnounceStage implements Stage {

  private final OrganizeStore files;
  private final Announcer announcer;

  AnnounceStage(Pool pool, Announcer announcer) {
    this.files = new OrganizeStore(pool);
    this.announcer = announcer;
  }

  @Override
  public String name() {
    return "announce";
  }

  @Override
  public Step run(Video video, Job job, LeaseCheck lease) throws Exception {
    if (video.state() != VideoState.ORGANIZED) {
      return Outcomes.nothing();
    }
    List<Path> paths = Blocking.await(files.libraryPaths(video.id()));
    announcer.announce(paths);
    return Outcomes.stop(video.id(), VideoState.ANNOUNCED, null);
  }
}
