package org.videoorganizer.daemon.pipeline;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Blocking;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;

/** Announces a video's library paths through the configured {@link Announcer}. */
final class AnnounceStage implements Stage {

  private final Pool pool;
  private final Announcer announcer;

  AnnounceStage(Pool pool, Announcer announcer) {
    this.pool = pool;
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
    List<Path> paths = new ArrayList<>();
    for (Row r : Blocking.await(pool.preparedQuery("select library_path from organized_files where video_id = $1")
        .execute(Tuple.of(video.id())))) {
      paths.add(Path.of(r.getString("library_path")));
    }
    announcer.announce(paths);
    return Outcomes.stop(video.id(), VideoState.ANNOUNCED, null);
  }
}
