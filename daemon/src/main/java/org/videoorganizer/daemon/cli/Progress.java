package org.videoorganizer.daemon.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line progress display on standard error, shown only when standard error is a terminal. */
final class Progress {

  private final PrintWriter err;
  private final boolean on;
  private long lastDraw;
  private boolean shown;

  Progress(PrintWriter err, boolean on) {
    this.err = err;
    this.on = on;
  }

  /** Whether standard error of this process is a terminal (Linux: /proc/self/fd/2 is a tty). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }

  void update(int done, int total, String what) {
    if (!on) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    String name = ResultPrinter.escape(what);
    if (name.length() > 60) {
      name = "..." + name.substring(name.length() - 57);
    }
    err.print(String.format("\r\033[K[%d/%d] %s", done, total, name));
    err.flush();
    shown = true;
  }

  /** Removes the progress line, if one is shown, so other output starts on a clean line. */
  void clear() {
    if (shown) {
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }
}
