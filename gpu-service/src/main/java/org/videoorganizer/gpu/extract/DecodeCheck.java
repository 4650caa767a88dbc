package org.videoorganizer.gpu.extract;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a few sampled windows of every picture and sound stream (single-threaded, so FFmpeg's
 * complaints are heard) and calls the file damaged when a window logs decode errors or gives no
 * frame at all. This catches files whose container is whole but whose streams are not: bytes
 * overwritten in a copy, a bad sector, a broken download.
 */
final class DecodeCheck {

  /** Frames decoded per window (pictures and sound frames together). */
  static final int FRAMES_PER_WINDOW = 24;
  /** A window with this many FFmpeg error lines is damaged. */
  static final int ERRORS_PER_WINDOW = 2;

  private final Path file;
  private final Duration duration;

  DecodeCheck(Path file, Duration duration) {
    this.file = file;
    this.duration = duration;
  }

  StreamHealth check(int windows) throws UnreadableVideoException {
    var errors = new ArrayList<String>();
    int decoded = 0;
    String damage = null;
    try (var scope = Ffmpeg.collectErrors(); var g = new FFmpegFrameGrabber(file.toFile())) {
      g.setVideoOption("threads", "1");
      g.setAudioOption("threads", "1");
      g.startUnsafe();
      long total = duration.toNanos() / 1000;
      for (int i = 0; i < windows; i++) {
        long at = total * i / windows;
        int before = scope.count();
        int frames = window(g, at);
        decoded += frames;
        List<String> found = scope.lines().subList(before, scope.count());
        if (damage == null && (found.size() >= ERRORS_PER_WINDOW || frames == 0)) {
          damage = reason(at, frames, found);
        }
      }
      scope.lines().stream().distinct().limit(10).forEach(errors::add);
      return new StreamHealth(windows, decoded, Optional.ofNullable(damage), errors);
    } catch (FrameGrabber.Exception e) {
      throw new UnreadableVideoException(file, "cannot decode it: " + e.getMessage(), e);
    }
  }

  private static int window(FFmpegFrameGrabber g, long micros) {
    int frames = 0;
    try {
      g.setTimestamp(micros);
      for (int i = 0; i < FRAMES_PER_WINDOW; i++) {
        Frame f = g.grabFrame(true, true, true, false, false);
        if (f == null) {
          break;
        }
        frames++;
      }
    } catch (FrameGrabber.Exception e) {
      // JavaCV gives up on this window; the error lines FFmpeg logged say why
    }
    return frames;
  }

  private String reason(long micros, int frames, List<String> found) {
    String where = "at " + Clock.hms(Duration.ofNanos(micros * 1000));
    if (frames == 0 && found.isEmpty()) {
      return "no frame could be decoded " + where + " although the container is readable";
    }
    return "streams damaged " + where + ": " + found.size() + " decode error(s) in " + frames
        + " frame(s), first: " + found.get(0);
  }
}
