package org.videoorganizer.daemon.analyze;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** File names that say nothing about the video: cameras, phones, screen recorders, "movie.mkv". */
final class GenericNames {

  // A camera or generic word, then numbers; or a bare date-time stamp. Matched against the stem.
  // Must match: "VID_0001", "VID_20190714_123456", "PXL_20230101_123456789", "GOPR0001", "DSC01234",
  // "MVI_1234", "IMG_1234", "movie", "video (1)", "Untitled", "20190714_123456", "Screen Recording 2024-01-02 10.11.12".
  // Must not match: "Heat", "1917", "The Movie Critic", "Videodrome", "RoboCop.1987.1080p".
  private static final Pattern GENERIC = Pattern.compile("(?i)(?:(?:vid|img|mvi|mov|dsc[nf]?|pxl|gopr|gp|dji|clip|video"
      + "|movie|film|untitled|recording|capture|screen recording)[ _-]*(?:\\d+(?:[ _.:-]+\\d+)*)?(?:[ _-]*\\(\\d+\\))?"
      + "|\\d{8}[ _-]\\d{6}\\d*)");

  private GenericNames() {}

  static boolean isGeneric(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return GENERIC.matcher(stem.strip()).matches();
  }
}
