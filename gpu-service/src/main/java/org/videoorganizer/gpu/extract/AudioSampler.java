package org.videoorganizer.gpu.extract;

import java.io.ByteArrayOutputStream;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Cuts windows of sound as 16 kHz mono: after the opening (5 %), the middle, and before the end
 * credits (85 %), each at most {@code seconds} long. Only audio is decoded; FFmpeg resamples.
 */
final class AudioSampler {

  private static final double[] POSITIONS = {0.05, 0.5, 0.85};

  private final Path file;
  private final Duration duration;

  AudioSampler(Path file, Duration duration) {
    this.file = file;
    this.duration = duration;
  }

  List<AudioClip> sample(int windows, Duration window) throws UnreadableVideoException {
    Ffmpeg.init();
    var clips = new ArrayList<AudioClip>();
    try (var g = new FFmpegFrameGrabber(file.toFile())) {
      g.setSampleRate(AudioClip.SAMPLE_RATE);
      g.setAudioChannels(1);
      g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
      g.startUnsafe();
      if (g.getAudioChannels() == 0) {
        return List.of();
      }
      long total = duration.toNanos() / 1000;
      long length = Math.min(window.toNanos() / 1000, total);
      for (long start : starts(windows, total, length)) {
        clips.add(cut(g, start, length));
      }
      return clips;
    } catch (FrameGrabber.Exception e) {
      throw new UnreadableVideoException(file, "cannot decode its audio: " + e.getMessage(), e);
    }
  }

  /** Window starts, spread as POSITIONS says and never overlapping. */
  private static List<Long> starts(int windows, long total, long length) {
    var starts = new ArrayList<Long>();
    long free = 0;
    for (int i = 0; i < Math.min(windows, POSITIONS.length); i++) {
      long start = Math.max(free, Math.min((long) (total * POSITIONS[i]), total - length));
      if (start + length > total && !starts.isEmpty()) {
        break;
      }
      starts.add(start);
      free = start + length;
    }
    return starts;
  }

  private static AudioClip cut(FFmpegFrameGrabber g, long start, long length) throws FrameGrabber.Exception {
    g.setAudioTimestamp(start);
    var pcm = new ByteArrayOutputStream((int) (length / 1_000_000 + 1) * AudioClip.SAMPLE_RATE * 2);
    long wanted = length * AudioClip.SAMPLE_RATE / 1_000_000;
    long have = 0;
    Frame f;
    while (have < wanted && (f = g.grabSamples()) != null) {
      ShortBuffer samples = (ShortBuffer) f.samples[0];
      int n = (int) Math.min(samples.remaining(), wanted - have);
      for (int i = 0; i < n; i++) {
        short s = samples.get(samples.position() + i);
        pcm.write(s & 0xff);
        pcm.write((s >> 8) & 0xff);
      }
      have += n;
    }
    return new AudioClip(Duration.ofNanos(start * 1000), pcm.toByteArray());
  }
}
