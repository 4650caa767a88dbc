package org.videoorganizer.daemon.pipeline;

import org.videoorganizer.daemon.queue.JobHandler.LeaseCheck;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.Video;

/** One step of the flow for one video. Must be idempotent: a crash can run it again. */
interface Stage {

  String name();

  Step run(Video video, Job job, LeaseCheck lease) throws Exception;
}
