package org.videoorganizer.gpu.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/** The {@code ffmpeg} executable shipped in the JavaCV natives jar: no Debian package needed. */
public final class BundledFfmpeg {

  private BundledFfmpeg() {}

  /** Runs {@code ffmpeg -y -loglevel error ARGS} and fails with its output when it fails. */
  public static void run(String... args) throws Exception {
    var command = new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-y", "-loglevel", "error"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("ffmpeg failed: " + command + "\n" + out);
    }
  }

  public static Path path() {
    return Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
  }
}
