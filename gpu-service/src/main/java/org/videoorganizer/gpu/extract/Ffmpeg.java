package org.videoorganizer.gpu.extract;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * One-time FFmpeg set-up for this process: errors only (no stream dump on every open), and the
 * error lines of the calling thread collected while a {@link #collectErrors()} scope is open, so
 * that a decode check can name what FFmpeg found wrong. Decoders used inside such a scope must
 * run single-threaded, or their messages come from FFmpeg's worker threads.
 */
final class Ffmpeg {

  private static final ThreadLocal<List<String>> ERRORS = new ThreadLocal<>();
  private static final LogCallback CALLBACK = new LogCallback() {
    @Override
    public void call(int level, BytePointer message) {
      List<String> sink = ERRORS.get();
      if (sink != null && level <= avutil.AV_LOG_ERROR && sink.size() < 1000) {
        sink.add(message.getString().strip());
      }
    }
  };

  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    avutil.setLogCallback(CALLBACK);
  }

  private Ffmpeg() {}

  /** Loads the natives and applies the settings; cheap after the first call. */
  static void init() {
    // the static block does the work
  }

  /** Collects FFmpeg's error lines on this thread until closed. */
  static ErrorScope collectErrors() {
    init();
    var sink = new ArrayList<String>();
    ERRORS.set(sink);
    return new ErrorScope(sink);
  }

  /** The error lines logged on this thread since the scope opened. */
  record ErrorScope(List<String> lines) implements AutoCloseable {
    int count() {
      return lines.size();
    }

    @Override
    public void close() {
      ERRORS.remove();
    }
  }
}
