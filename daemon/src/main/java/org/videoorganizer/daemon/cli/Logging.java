package org.videoorganizer.daemon.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log level from the -v count: warnings by default, -v info, -vv debug. Always to stderr. */
final class Logging {

  private Logging() {}

  static void setVerbosity(int count) {
    Level level =
        switch (count) {
          case 0 -> Level.WARN;
          case 1 -> Level.INFO;
          default -> Level.DEBUG;
        };
    Logger vorg = (Logger) LoggerFactory.getLogger("org.videoorganizer");
    vorg.setLevel(level);
    if (count >= 3) {
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
    }
  }
}
