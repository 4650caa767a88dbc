package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called by {@link SafeMover} between its side effects. Production code passes {@link #NONE};
 * tests use it to stop the process at each step, or to change a source during its copy.
 */
@FunctionalInterface
public interface MoverHook {

  MoverHook NONE = (step, source) -> { };

  /** The points between side effects, in the order a file passes them. */
  enum Step {
    BEFORE_LINK,
    BEFORE_COPY,
    MID_COPY,
    AFTER_COPY,
    AFTER_VERIFY,
    AFTER_LINK_TEMP,
    AFTER_PUBLISH,
    BEFORE_RETIRE,
    AFTER_RETIRE
  }

  void at(Step step, Path source) throws IOException;
}
