package org.videoorganizer.daemon.source;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one table of file kinds for {@code vorg organize} and the daemon: which extensions are
 * videos, subtitles and artwork, and which names are still being written.
 */
public final class FileKinds {

  /** Video extensions Jellyfin plays (docs/reference/jellyfin.md §1.1), lower case, without dot. */
  public static final Set<String> VIDEO = Set.of("mkv", "mp4", "m4v", "avi", "mov", "ts", "m2ts", "mts",
      "wmv", "webm", "mpg", "mpeg", "iso", "vob", "flv", "ogv", "3gp", "divx", "mk3d", "strm");

  /** Subtitles and external audio tracks Jellyfin reads next to a video (§1.7). */
  public static final Set<String> SUBTITLE = Set.of("srt", "ass", "ssa", "vtt", "sub", "idx", "sup", "smi",
      "sami", "mks", "mka");

  /** Image files that may be artwork. */
  public static final Set<String> ARTWORK = Set.of("jpg", "jpeg", "png", "webp", "tbn");

  /** Artwork kinds Jellyfin reads from a name ({@code poster.jpg}, {@code Movie-fanart.jpg}). */
  public static final Set<String> ARTWORK_KINDS = Set.of("poster", "folder", "cover", "fanart", "backdrop",
      "banner", "logo", "clearlogo", "clearart", "landscape", "thumb", "disc", "discart");

  // Names of files still being written by a browser, torrent or sync client.
  // Must match: "a.mkv.part", "a.partial", "a.crdownload", "a.mkv.!qB", "a.tmp", "a.mkv~",
  // ".syncthing.a.mkv.tmp", "~syncthing~a.tmp"; must not match: "partial.mkv", "Temp.mkv", "part 1.mkv".
  private static final Pattern IN_PROGRESS = Pattern.compile(
      "(?i).*(\\.part|\\.partial|\\.crdownload|\\.!qb|\\.tmp|\\.download|~)$|^~syncthing~.*");

  private FileKinds() {}

  /** The extension, lower case, without dot; empty when none (a leading dot is no extension). */
  public static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The file's name without its extension. */
  public static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }

  public static boolean isVideo(String fileName) {
    return VIDEO.contains(extension(fileName));
  }

  public static boolean isSubtitle(String fileName) {
    return SUBTITLE.contains(extension(fileName));
  }

  public static boolean isArtwork(String fileName) {
    return ARTWORK.contains(extension(fileName));
  }

  public static boolean isNfo(String fileName) {
    return extension(fileName).equals("nfo");
  }

  public static boolean isSidecar(String fileName) {
    return isSubtitle(fileName) || isArtwork(fileName) || isNfo(fileName);
  }

  /** A name still being written by a downloader or sync tool. */
  public static boolean inProgress(String fileName) {
    return IN_PROGRESS.matcher(fileName).matches();
  }

  /** A hidden name (a leading dot): our trash, temporary uploads, sync tools' working files. */
  public static boolean hidden(String fileName) {
    return fileName.startsWith(".");
  }

  /** A video that is finished and not hidden: what ingestion and the organizer take in. */
  public static boolean isFinishedVideo(String fileName) {
    return isVideo(fileName) && !inProgress(fileName) && !hidden(fileName);
  }
}
