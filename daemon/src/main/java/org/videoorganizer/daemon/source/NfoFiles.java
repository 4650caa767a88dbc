package org.videoorganizer.daemon.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What kind of text an {@code .nfo} file holds. Jellyfin reads an NFO as XML, or as a file of
 * provider links only (docs/reference/jellyfin.md §2.2); a scene release's {@code .nfo} (plain
 * text, ASCII art, an IMDb link among notes) is neither, and must not be published under an NFO
 * name. Its ids still count for identification.
 */
public final class NfoFiles {

  /** What an NFO file is. */
  public enum Form {
    /** Kodi/Jellyfin XML ({@code <movie>}, {@code <episodedetails>}). */
    XML,
    /** Nothing but provider links ({@code https://www.themoviedb.org/movie/603}). */
    LINKS,
    /** Anything else: scene notes, empty, unreadable. */
    TEXT
  }

  private static final int HEAD = 64 * 1024;
  // A line that is one link. Must match: "https://www.imdb.com/title/tt0133093/", "http://x.org/a?b=1";
  // must not match: "IMDb: https://www.imdb.com/title/tt0133093/", "Video: x264".
  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private NfoFiles() {}

  /** The form of the NFO at {@code file}; TEXT when it cannot be read. */
  public static Form form(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      head = in.readNBytes(HEAD);
    } catch (IOException | UnsupportedOperationException e) {
      return Form.TEXT;
    }
    return form(new String(head, StandardCharsets.UTF_8));
  }

  /** The form of NFO text. */
  public static Form form(String text) {
    String t = text.replace("\uFEFF", "").strip();
    if (t.startsWith("<")) {
      return Form.XML;
    }
    if (t.isEmpty()) {
      return Form.TEXT;
    }
    return t.lines().map(String::strip).filter(l -> !l.isEmpty()).allMatch(l -> LINK.matcher(l).matches())
        ? Form.LINKS : Form.TEXT;
  }

  /** Whether Jellyfin can read the file as an NFO (XML or links only). */
  public static boolean publishable(Path file) {
    return form(file) != Form.TEXT;
  }
}
