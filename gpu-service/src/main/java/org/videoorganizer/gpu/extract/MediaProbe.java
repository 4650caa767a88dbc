package org.videoorganizer.gpu.extract;

import java.time.Duration;
import java.util.List;

/**
 * What the container says about a video, read without decoding.
 *
 * @param format the container format, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code matroska,webm}
 * @param duration the length; zero when the container does not say
 * @param videoCodec the codec of the first video stream, or null when there is none
 * @param width the picture width of the first video stream (0 without video)
 * @param height the picture height of the first video stream (0 without video)
 * @param frameRate frames per second of the first video stream (0 without video)
 * @param streams every stream, in container order
 * @param title the container's title tag, or null
 */
public record MediaProbe(String format, Duration duration, String videoCodec, int width, int height, double frameRate,
    List<StreamInfo> streams, String title) {

  public MediaProbe {
    streams = List.copyOf(streams);
  }

  /** The language tags of the audio streams, in order (streams without a tag are left out). */
  public List<String> audioLanguages() {
    return languages(StreamInfo.Kind.AUDIO);
  }

  /** The embedded subtitle streams. */
  public List<StreamInfo> subtitleTracks() {
    return streams.stream().filter(s -> s.kind() == StreamInfo.Kind.SUBTITLE).toList();
  }

  public boolean hasVideo() {
    return streams.stream().anyMatch(s -> s.kind() == StreamInfo.Kind.VIDEO);
  }

  public boolean hasAudio() {
    return streams.stream().anyMatch(s -> s.kind() == StreamInfo.Kind.AUDIO);
  }

  private List<String> languages(StreamInfo.Kind kind) {
    return streams.stream().filter(s -> s.kind() == kind && s.language() != null).map(StreamInfo::language).toList();
  }
}
