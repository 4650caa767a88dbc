package org.videoorganizer.daemon.pipeline;

import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.daemon.store.Video;

/**
 * A person's answer stored the way the identify stage stores its own, so the organize step
 * reads it the same way.
 */
public final class ReviewAnswers {

  /** The stage that follows an identified video. */
  public static final String NEXT_STAGE = "analyze";

  private ReviewAnswers() {}

  /** The match of {@code identity}, without a matcher confidence. */
  public static Change.Matched match(Video video, MediaIdentity identity, String reason) {
    return IdentifyStage.match(video, new Identification.Named(identity, reason));
  }
}
