package org.videoorganizer.daemon.organize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** File name tables: which extensions are videos and sidecars, which names are still being written. */
final class FileKinds {

  // Video extensions Jellyfin plays (docs/reference/jellyfin.md §1.1), lower case, without dot.
  static final Set<String> VIDEO = Set.of("mkv", "mp4", "m4v", "avi", "mov", "ts", "m2ts", "mts",
      "wmv", "webm", "mpg", "mpeg", "iso", "vob", "flv", "ogv", "3gp", "divx", "mk3d", "strm");

  // Subtitles and external audio tracks Jellyfin reads next to a video (§1.7).
  static final Set<String> SUBTITLE = Set.of("srt", "ass", "ssa", "vtt", "sub", "idx", "sup", "smi",
      "sami", "mks", "mka");

  static final Set<String> ARTWORK = Set.of("jpg", "jpeg", "png", "webp", "tbn");

  static final Set<String> ARTWORK_KINDS = Set.of("poster", "folder", "cover", "fanart", "backdrop",
      "banner", "logo", "clearlogo", "clearart", "landscape", "thumb", "disc", "discart");

  // Names of files still being written by a browser, torrent or sync client.
  // Must match: "a.mkv.part", "a.partial", "a.crdownload", "a.mkv.!qB", "a.tmp", "a.mkv~",
  // ".syncthing.a.mkv.tmp", "~syncthing~a.tmp"; must not match: "partial.mkv", "Temp.mkv".
  private static final Pattern IN_PROGRESS = Pattern.compile(
      "(?i).*(\\.part|\\.partial|\\.crdownload|\\.!qb|\\.tmp|\\.download|~)$|^~syncthing~.*");

  private FileKinds() {}

  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static boolean isVideo(String fileName) {
    return VIDEO.contains(extension(fileName));
  }

  static boolean isSidecar(String fileName) {
    String ext = extension(fileName);
    return SUBTITLE.contains(ext) || ARTWORK.contains(ext) || ext.equals("nfo");
  }

  static boolean inProgress(String fileName) {
    return IN_PROGRESS.matcher(fileName).matches();
  }
}
