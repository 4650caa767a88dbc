package org.videoorganizer.daemon.source;

import java.nio.file.Path;
import java.util.List;
import org.videoorganizer.core.parse.SubtitleFacts;

/**
 * One video found below the source root and the sidecars that travel with it: what {@code vorg
 * organize} plans and what the daemon's fingerprinting stores (Jackson writes and reads it; paths
 * as {@code file://} URIs).
 *
 * @param root the source root the walk started from
 * @param video the video file; for a disc folder its main file ({@code VIDEO_TS/VIDEO_TS.IFO},
 *     {@code BDMV/index.bdmv}, else its first file)
 * @param sidecars subtitles, NFO files and artwork that belong to the video
 * @param disc the DVD or Blu-ray folder the video is part of, moved whole; null for a plain video
 */
public record SourceGroup(Path root, Path video, List<Sidecar> sidecars, Disc disc) {

  public SourceGroup {
    sidecars = List.copyOf(sidecars);
  }

  /** A plain video and its sidecars. */
  public SourceGroup(Path root, Path video, List<Sidecar> sidecars) {
    this(root, video, sidecars, null);
  }

  /**
   * The path the parser reads: the video's below the root; for a disc the folder holding it,
   * named as a video ({@code Heat (1995)/Heat (1995).mkv} for {@code Heat (1995)/VIDEO_TS/...}).
   */
  public Path nameForParsing() {
    if (disc == null) {
      return relativeVideo();
    }
    Path title = disc.folder().getParent();
    Path rel = root.relativize(title);
    return rel.resolve(title.getFileName() + ".mkv");
  }

  /**
   * A DVD ({@code VIDEO_TS}) or Blu-ray ({@code BDMV}) folder, which Jellyfin reads as one movie
   * (docs/reference/jellyfin.md §1.2): it travels whole, its files keeping their paths below it.
   *
   * @param folder the {@code VIDEO_TS} or {@code BDMV} folder
   * @param format which
   * @param files every regular file below {@code folder} (and a Blu-ray's sibling {@code CERTIFICATE}), sorted
   */
  public record Disc(Path folder, Format format, List<Path> files) {

    public Disc {
      files = List.copyOf(files);
    }

    /** Disc formats. */
    public enum Format {
      DVD,
      BLURAY
    }
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
