package org.videoorganizer.daemon.store;

import java.nio.file.Path;
import java.util.List;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.source.SourceGroup;

/**
 * What a step decided, as a value: stages return these and the store turns each into SQL inside
 * the job's own transaction ({@link JobStore#complete}), so no stage builds or sees SQL.
 */
public sealed interface Change {

  /** The video moves to {@code state}; {@code reason} is what a person reads (null for none). */
  record StateChanged(long videoId, VideoState state, String reason) implements Change {}

  /**
   * The hashes and the source group of a fingerprinted video: FINGERPRINTED, or DUPLICATE (with
   * the reason) when another live video holds the same bytes, settled under a lock on the hash.
   */
  record Fingerprinted(long videoId, String quickHash, String contentHash, SourceGroup group) implements Change {}

  /**
   * The video's identity (one row per video, replaced on a new match).
   *
   * @param confidence the matcher's, or null when TMDB gave no match
   * @param reason how it was identified, for a person and the log
   * @param explanation the matcher's steps, in order (empty when there was no matcher)
   */
  record Matched(long videoId, MediaIdentity identity, Double confidence, String reason, List<String> explanation)
      implements Change {
    public Matched {
      explanation = List.copyOf(explanation);
    }
  }

  /**
   * What the matcher saw when it sent the video to review ({@code seenJson}: its candidates and
   * evidence), kept for the review page so the question shows what was asked, not a new search.
   */
  record ReviewSeen(long videoId, String seenJson) implements Change {}

  /**
   * What an analysis found: {@code resultJson} is its JSON report; {@code costUsd} what its remote
   * calls cost (each call is also in analysis_costs).
   */
  record Analyzed(long videoId, String analyzer, String resultJson, double seconds, double costUsd) implements Change {}

  /**
   * The video was carried to {@code target} with its sidecars: ORGANIZED (and counted in the day's
   * figures), or DUPLICATE when another video already holds that library path. The video stays
   * active when its source was kept (copy or link mode).
   */
  record Organized(long videoId, Path target, String contentHash, long size, boolean keepsSource, List<Carried> sidecars)
      implements Change {
    public Organized {
      sidecars = List.copyOf(sidecars);
    }
  }

  /** A file carried into the library with its video (a subtitle, an NFO, artwork, a disc folder's other files). */
  record Carried(Path target, long bytes) {}

  /**
   * The job is queued again for later without counting the attempt, keeping {@code reason} as its
   * last error: the delay is half the time the job has existed, from 1 to 60 seconds, with jitter.
   */
  record RetryLater(long jobId, String reason) implements Change {}
}
