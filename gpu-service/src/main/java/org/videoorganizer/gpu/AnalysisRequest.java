package org.videoorganizer.gpu;

import java.time.Duration;

/**
 * What to analyse.
 *
 * @param video the key the costs are booked under (the store's video id, or the path)
 * @param remote whether the configured remote backends may be called
 * @param keyFrames how many key frames to take (1..50)
 * @param audioWindows how many windows of sound to cut for speech (0..3)
 * @param audioWindow the length of each
 * @param decodeWindows how many windows the decode check decodes
 */
public record AnalysisRequest(String video, boolean remote, int keyFrames, int audioWindows, Duration audioWindow,
    int decodeWindows) {

  public AnalysisRequest {
    if (video == null || video.isBlank()) {
      throw new IllegalArgumentException("an analysis request needs the video's key, got '" + video + "'");
    }
    if (keyFrames < 1 || keyFrames > 50 || audioWindows < 0 || audioWindows > 3 || decodeWindows < 1) {
      throw new IllegalArgumentException("key frames 1..50, audio windows 0..3, decode windows >= 1; got "
          + keyFrames + ", " + audioWindows + ", " + decodeWindows);
    }
  }

  /** Local analysis only: 10 key frames, OCR, runtime, decode check of 5 windows. */
  public static AnalysisRequest local(String video) {
    return new AnalysisRequest(video, false, 10, 3, Duration.ofSeconds(60), 5);
  }

  /** The same request with the remote backends allowed. */
  public AnalysisRequest withRemote() {
    return new AnalysisRequest(video, true, keyFrames, audioWindows, audioWindow, decodeWindows);
  }
}
