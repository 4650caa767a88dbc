package org.videoorganizer.gpu.extract;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a video holds, read with JavaCV (FFmpeg in-process): the container's facts, informative
 * key frames found by seeking, windows of sound as 16 kHz mono, and a decode check. Stateless
 * and thread-safe; every call opens and closes its own FFmpeg context.
 *
 * <pre>{@code
 * MediaProbe probe = VideoExtractor.probe(file);
 * List<KeyFrame> frames = VideoExtractor.keyFrames(file, probe, 10);
 * }</pre>
 */
public final class VideoExtractor {

  private VideoExtractor() {}

  /** Container, duration, streams, codecs, picture size, languages; decodes nothing. */
  public static MediaProbe probe(Path file) throws UnreadableVideoException {
    return Prober.probe(file);
  }

  /**
   * Up to {@code count} informative key frames (one from the opening, the rest spread), in time
   * order; fewer when the video has fewer distinct pictures, none without a video stream.
   */
  public static List<KeyFrame> keyFrames(Path file, MediaProbe probe, int count) throws UnreadableVideoException {
    if (count < 1 || count > 50) {
      throw new IllegalArgumentException("key frame count must be between 1 and 50, got " + count);
    }
    if (!probe.hasVideo() || probe.duration().isZero()) {
      return List.of();
    }
    return new KeyFrameSampler(file, probe.duration()).sample(count);
  }

  /** Up to {@code windows} (at most 3) windows of sound, each at most {@code length} long; none without audio. */
  public static List<AudioClip> audio(Path file, MediaProbe probe, int windows, Duration length)
      throws UnreadableVideoException {
    if (windows < 0 || length.isNegative()) {
      throw new IllegalArgumentException("audio windows and length must not be negative, got " + windows + " and " + length);
    }
    if (!probe.hasAudio() || windows == 0 || length.isZero() || probe.duration().isZero()) {
      return List.of();
    }
    return new AudioSampler(file, probe.duration()).sample(windows, length);
  }

  /** Decodes {@code windows} spread windows and says whether the streams are damaged, and why. */
  public static StreamHealth checkDecoding(Path file, MediaProbe probe, int windows) throws UnreadableVideoException {
    if (windows < 1) {
      throw new IllegalArgumentException("decode check windows must be at least 1, got " + windows);
    }
    return new DecodeCheck(file, probe.duration()).check(windows);
  }
}
