package org.videoorganizer.gpu.extract;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Picks informative key frames by seeking, never by decoding the whole file: the decoder is told
 * to output key frames only ({@code skip_frame=nokey}), so each seek costs one key frame decode.
 * One frame comes from the opening (title cards), the others from the centres of equal slices of
 * the film; a black or uniform frame, or one too like a frame already taken, is replaced by a
 * second try in the same slice (at its first or last quarter).
 */
final class KeyFrameSampler {

  static final int MAX_WIDTH = 768;
  /** Below this spread of brightness a frame is uniform (black, a fade): nothing to read in it. */
  static final double UNIFORM_SPREAD = 6;
  /** pHash distance under which two frames count as the same picture. */
  static final int DUPLICATE_DISTANCE = 10;

  private final Path file;
  private final Duration duration;

  KeyFrameSampler(Path file, Duration duration) {
    this.file = file;
    this.duration = duration;
  }

  List<KeyFrame> sample(int count) throws UnreadableVideoException {
    Ffmpeg.init();
    try (var g = new FFmpegFrameGrabber(file.toFile()); var converter = new Java2DFrameConverter()) {
      g.setVideoOption("skip_frame", "nokey");
      g.startUnsafe();
      if (g.getImageWidth() > MAX_WIDTH) {
        g.setImageHeight(even((long) g.getImageHeight() * MAX_WIDTH / g.getImageWidth()));
        g.setImageWidth(MAX_WIDTH);
      }
      var chosen = new ArrayList<KeyFrame>();
      opening(g, converter).ifPresent(chosen::add);
      long total = duration.toNanos() / 1000;
      int slices = Math.max(1, count - chosen.size());
      for (int i = 0; i < slices && chosen.size() < count; i++) {
        long start = total * i / slices;
        long width = total / slices;
        for (double at : new double[] {0.5, 0.25, 0.75}) {
          Optional<KeyFrame> frame = grab(g, converter, start + (long) (width * at), false);
          if (frame.isPresent() && informative(frame.get(), chosen)) {
            chosen.add(frame.get());
            break;
          }
        }
      }
      chosen.sort(java.util.Comparator.comparing(KeyFrame::at));
      return chosen;
    } catch (FrameGrabber.Exception e) {
      throw new UnreadableVideoException(file, "cannot seek or decode key frames: " + e.getMessage(), e);
    }
  }

  /** The first non-uniform key frame from the opening: the first 5 % of the film, at most 3 minutes. */
  private Optional<KeyFrame> opening(FFmpegFrameGrabber g, Java2DFrameConverter converter)
      throws FrameGrabber.Exception {
    long total = duration.toNanos() / 1000;
    long window = Math.min(total / 20, 180_000_000L);
    // with skip_frame=nokey a seek yields the first key frame at or after the target, so 0 gives
    // the very first picture (a title card without a fade-in); later tries get past a black start
    for (double at : new double[] {0, 0.3, 0.6, 0.9}) {
      Optional<KeyFrame> frame = grab(g, converter, (long) (window * at), true);
      if (frame.isPresent() && frame.get().lumaSpread() >= UNIFORM_SPREAD) {
        return frame;
      }
    }
    return Optional.empty();
  }

  private static boolean informative(KeyFrame frame, List<KeyFrame> chosen) {
    if (frame.lumaSpread() < UNIFORM_SPREAD) {
      return false;
    }
    return chosen.stream().noneMatch(c -> FrameStats.distance(c.hash(), frame.hash()) < DUPLICATE_DISTANCE);
  }

  private static Optional<KeyFrame> grab(FFmpegFrameGrabber g, Java2DFrameConverter converter, long micros,
      boolean opening) throws FrameGrabber.Exception {
    g.setVideoTimestamp(micros);
    Frame f = g.grabImage();
    if (f == null || f.image == null) {
      return Optional.empty(); // past the last key frame
    }
    BufferedImage image = Java2DFrameConverter.cloneBufferedImage(converter.getBufferedImage(f));
    FrameStats stats = FrameStats.of(image);
    Duration at = Duration.ofNanos(Math.max(0, f.timestamp) * 1000);
    return Optional.of(new KeyFrame(at, image, stats.mean, stats.spread, stats.hash, opening));
  }

  private static int even(long v) {
    return (int) Math.max(2, v - (v % 2));
  }
}
