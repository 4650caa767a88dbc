package org.videoorganizer.daemon.ingest;

import java.util.Locale;
import java.util.Set;

/** File-name rules of ingestion: which names are videos, sidecars, temporary, or unusable. */
final class Names {

  private Names() {}

  static final Set<String> VIDEO = Set.of("mkv", "mp4", "m4v", "avi", "mov", "wmv", "ts", "m2ts", "mts",
      "webm", "mpg", "mpeg", "flv", "ogv", "vob", "3gp", "divx", "iso");

  static final Set<String> SIDECAR = Set.of("srt", "ass", "ssa", "sub", "idx", "vtt", "sup", "smi", "nfo",
      "jpg", "jpeg", "png", "mka", "ac3", "dts");

  // Names of files still being written by a downloader or sync tool. Match: "a.mkv.part",
  // "a.mkv.partial", "a.mkv~", "a.mkv.crdownload", "a.mkv.!qB", ".a.mkv.abc123.partial";
  // must not match "a.mkv", "part 1.mkv".
  static boolean temporary(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".part") || lower.endsWith(".partial") || lower.endsWith("~")
        || lower.endsWith(".crdownload") || lower.endsWith(".!qb") || lower.endsWith(".tmp")
        || lower.startsWith(".");
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static boolean video(String name) {
    return VIDEO.contains(extension(name));
  }

  /** Empty when the name is usable; else the reason (control characters, invalid UTF-8). */
  static String nameProblem(String name) {
    if (name.indexOf('\uFFFD') >= 0) {
      return "the file name is not valid UTF-8; rename it";
    }
    if (name.codePoints().anyMatch(c -> Character.isISOControl(c))) {
      return "the file name contains control characters (newline, tab, ...); rename it";
    }
    return "";
  }

  /** The name with control characters shown as \\xNN, for logs and pages. */
  static String display(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\x%02x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
