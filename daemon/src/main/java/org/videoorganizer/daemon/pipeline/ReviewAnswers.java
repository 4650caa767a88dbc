package org.videoorganizer.daemon.pipeline;

import io.vertx.core.json.JsonObject;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.store.JobStore.Write;
import org.videoorganizer.daemon.store.Video;

/**
 * A person's answer stored the way the identify stage stores its own, so the organize step
 * reads it the same way: the one match write, and the identity as JSON for corrections.
 */
public final class ReviewAnswers {

  /** The stage that follows an identified video. */
  public static final String NEXT_STAGE = "analyze";

  private ReviewAnswers() {}

  /** The media_matches write for {@code identity}, without a matcher confidence. */
  public static Write match(Video video, MediaIdentity identity, String reason) {
    return IdentifyStage.match(video, new Identification.Named(identity, reason));
  }

  public static JsonObject toJson(MediaIdentity identity) {
    return IdentityJson.write(identity);
  }

  public static MediaIdentity fromJson(JsonObject json) {
    return IdentityJson.read(json);
  }
}
