package org.videoorganizer.gpu.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Reads a container's streams and tags without decoding a frame. */
final class Prober {

  private Prober() {}

  static MediaProbe probe(Path file) throws UnreadableVideoException {
    Ffmpeg.init();
    if (!Files.isRegularFile(file)) {
      throw new UnreadableVideoException(file, "no such file", null);
    }
    try (var g = new FFmpegFrameGrabber(file.toFile())) {
      g.startUnsafe();
      AVFormatContext ctx = g.getFormatContext();
      var streams = new ArrayList<StreamInfo>();
      for (int i = 0; i < ctx.nb_streams(); i++) {
        streams.add(stream(i, ctx.streams(i)));
      }
      long micros = Math.max(0, g.getLengthInTime());
      StreamInfo video = firstVideo(streams);
      return new MediaProbe(g.getFormat(), Duration.ofNanos(micros * 1000), video == null ? null : video.codec(),
          video == null ? 0 : video.width(), video == null ? 0 : video.height(),
          video == null ? 0 : g.getFrameRate(), streams, blankToNull(g.getMetadata("title")));
    } catch (FrameGrabber.Exception e) {
      throw new UnreadableVideoException(file, "FFmpeg cannot open it as a video: " + e.getMessage(), e);
    }
  }

  private static StreamInfo firstVideo(List<StreamInfo> streams) {
    return streams.stream().filter(s -> s.kind() == StreamInfo.Kind.VIDEO).findFirst().orElse(null);
  }

  private static StreamInfo stream(int index, AVStream s) {
    AVCodecParameters p = s.codecpar();
    StreamInfo.Kind kind = switch (p.codec_type()) {
      case avutil.AVMEDIA_TYPE_VIDEO -> StreamInfo.Kind.VIDEO;
      case avutil.AVMEDIA_TYPE_AUDIO -> StreamInfo.Kind.AUDIO;
      case avutil.AVMEDIA_TYPE_SUBTITLE -> StreamInfo.Kind.SUBTITLE;
      case avutil.AVMEDIA_TYPE_DATA -> StreamInfo.Kind.DATA;
      case avutil.AVMEDIA_TYPE_ATTACHMENT -> StreamInfo.Kind.ATTACHMENT;
      default -> StreamInfo.Kind.UNKNOWN;
    };
    String codec = avcodec.avcodec_get_name(p.codec_id()).getString();
    boolean picture = kind == StreamInfo.Kind.VIDEO;
    return new StreamInfo(index, kind, codec, tag(s.metadata(), "language"), tag(s.metadata(), "title"),
        picture ? p.width() : 0, picture ? p.height() : 0,
        kind == StreamInfo.Kind.AUDIO ? p.ch_layout().nb_channels() : 0);
  }

  private static String tag(AVDictionary metadata, String key) {
    if (metadata == null || metadata.isNull()) {
      return null;
    }
    AVDictionaryEntry e = avutil.av_dict_get(metadata, key, null, 0);
    String value = e == null || e.isNull() ? null : e.value().getString();
    return blankToNull("und".equals(value) ? null : value);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
