package org.videoorganizer.gpu.extract;

/**
 * One stream of a container.
 *
 * @param index the stream's index in the container
 * @param kind video, audio, subtitle, data or attachment
 * @param codec FFmpeg's codec name, e.g. {@code h264}, {@code aac}, {@code subrip}
 * @param language the ISO 639-2 language tag, or null when the container has none
 * @param title the stream's title tag, or null
 * @param width the picture width (video), else 0
 * @param height the picture height (video), else 0
 * @param channels the channel count (audio), else 0
 */
public record StreamInfo(int index, Kind kind, String codec, String language, String title, int width, int height,
    int channels) {

  /** What a stream carries. */
  public enum Kind {
    VIDEO, AUDIO, SUBTITLE, DATA, ATTACHMENT, UNKNOWN
  }
}
