package org.videoorganizer.daemon.source;

import java.nio.file.Path;
import java.util.List;
import org.videoorganizer.core.parse.SubtitleFacts;

/**
 * One video found below the source root and the sidecars that travel with it.
 *
 * @param root the source root the walk started from
 * @param video the video file
 * @param sidecars subtitles, NFO files and artwork that belong to the video
 */
public record SourceGroup(Path root, Path video, List<Sidecar> sidecars) {

  public SourceGroup {
    sidecars = List.copyOf(sidecars);
  }

  /** The video's path relative to the root, as the parser reads it. */
  public Path relativeVideo() {
    return root.relativize(video);
  }

  /** The NFO sidecars, whose ids and titles an identifier may use. */
  public List<Sidecar> nfos() {
    return sidecars.stream().filter(s -> s.kind() == Sidecar.Kind.NFO).toList();
  }

  /**
   * A file that follows a video.
   *
   * @param path the file
   * @param kind what it is
   * @param subtitle language and flags of a subtitle or audio track, else null
   * @param artwork kind of artwork ({@code poster}, {@code fanart}, {@code thumb}), else null
   */
  public record Sidecar(Path path, Kind kind, SubtitleFacts subtitle, String artwork) {

    /** Kinds of sidecar. */
    public enum Kind {
      SUBTITLE,
      NFO,
      ARTWORK
    }
  }
}
