package org.videoorganizer.daemon.organize;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child process for the crash tests: organizes SOURCE into LIBRARY and halts the JVM (no
 * shutdown hooks, no flushing: like kill -9) when the mover reaches STEP for the N-th time.
 * Arguments: SOURCE LIBRARY MODE STEP N.
 */
public final class CrashingOrganizeMain {

  static final int HALTED = 137;

  private CrashingOrganizeMain() {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    Path library = Path.of(args[1]);
    TransferMode mode = TransferMode.valueOf(args[2]);
    MoverHook.Step crashAt = MoverHook.Step.valueOf(args[3]);
    int nth = Integer.parseInt(args[4]);
    var seen = new AtomicInteger();
    MoverHook hook = (step, file) -> {
      if (step == crashAt && seen.incrementAndGet() == nth) {
        Runtime.getRuntime().halt(HALTED);
      }
    };
    Organizer o = TestFiles.organizer(hook);
    o.execute(o.plan(source, library), mode, (u, r, i, n) -> { });
    System.exit(0);
  }
}
