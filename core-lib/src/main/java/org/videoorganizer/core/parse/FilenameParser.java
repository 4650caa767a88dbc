package org.videoorganizer.core.parse;

/**
 * Turns a file name or relative path into what it says about the video: {@code
 * parser.parse("Show/Season 2/03 - Title.mkv")}. Immutable and thread-safe; one instance can
 * serve every thread. It never throws: what a name does not tell stays empty.
 */
public final class FilenameParser {
  private final SegmentParser segments = new SegmentParser();

  /** A parser with the built-in token tables. */
  public FilenameParser() {}

  /** What {@code pathOrName} says; an empty result (type UNKNOWN) for null or blank input. */
  public ParsedName parse(String pathOrName) {
    try {
      return parseStrict(pathOrName);
    } catch (RuntimeException e) {
      return ParsedName.builder().build();
    }
  }

  /** The parse without the safety net, so tests see a failing rule instead of an empty result. */
  ParsedName parseStrict(String pathOrName) {
    if (pathOrName == null || pathOrName.isBlank()) {
      return ParsedName.builder().build();
    }
    return parsePath(pathOrName);
  }

  private ParsedName parsePath(String input) {
    PathParts path = PathParts.of(input).seasonFolderAsFolder();
    FolderScan folders = path.folders.isEmpty() ? FolderScan.NONE : FolderScan.of(path.folders);
    String stem = Reversed.isReversed(path.stem) ? Reversed.reverse(path.stem) : path.stem;
    HomeVideo home = HomeVideo.read(stem);
    if (home != null) {
      return ParsedName.builder().date(home.date()).extra(path.extra != null ? path.extra : folders.extra())
          .container(path.container).subtitle(path.subtitle).build();
    }
    Facts f = segments.parse(stem, folders.season() == null ? NumberRecognizer.Context.NONE
        : new NumberRecognizer.Context(folders.season(), false));
    if (folders.season() != null && !f.hasEpisodeInfo() && f.title != null && folders.titleFolderName() != null) {
      f.episodeTitle = f.title;
      f.title = null;
    }
    if (folders.titleFolderName() != null && folders.extra() != null && path.extra == null) {
      f.title = null;
    }
    Facts folder = FolderMerge.needsFolder(f, folders.titleFolderName()) ? folders.titleFolder(segments) : null;
    if (folder != null) {
      f = FolderMerge.merge(f, folder, stem, folders.parentIsTitle());
    }
    if (f.tmdbId == null && f.imdbId == null && f.tvdbId == null && !path.folders.isEmpty()) {
      folderIds(path.folders, f);
    }
    if (f.releaseGroup == null && path.sampleGroup != null) {
      f.releaseGroup = path.sampleGroup;
    }
    if (f.seasons.isEmpty() && folders.season() != null && (!f.episodes.isEmpty() || f.title == null
        || f.episodeTitle != null)) {
      f.addSeason(folders.season());
    }
    boolean airDate = f.date != null && (f.dateInShowStructure || f.releaseFacts > 0 || f.episodeTitle != null
        || folders.season() != null || stem.indexOf(' ') < 0
        || folder != null && folder.title != null && f.title != null && FolderMerge.norm(folder.title).equals(FolderMerge.norm(f.title)));
    return build(f, path, folders, airDate);
  }

  /**
   * Ids of the nearest folder that names any ("Show (2010) [tvdbid-5678]/Season 1/..."): a file
   * without ids of its own belongs to the show or movie its folder names.
   */
  private void folderIds(java.util.List<String> folders, Facts f) {
    for (int i = folders.size() - 1; i >= 0; i--) {
      String name = folders.get(i);
      if (!mayHoldId(name)) {
        continue;
      }
      Facts ids = new Facts();
      segments.ids(name, ids);
      if (ids.tmdbId != null || ids.imdbId != null || ids.tvdbId != null) {
        f.tmdbId = ids.tmdbId;
        f.imdbId = ids.imdbId;
        f.tvdbId = ids.tvdbId;
        return;
      }
    }
  }

  /** Whether a folder of the path is where people keep their own videos ("Home movies/"). */
  private static boolean inHomeFolder(java.util.List<String> folders) {
    for (int i = 0; i < folders.size(); i++) {
      if (Words.isHomeFolderName(folders.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** A cheap test before tokenizing: provider ids contain "db" (tmdb, tvdbid) or "tt" and a digit. */
  private static boolean mayHoldId(String s) {
    for (int i = 0; i + 1 < s.length(); i++) {
      char a = (char) (s.charAt(i) | 0x20);
      char b = (char) (s.charAt(i + 1) | 0x20);
      if (a == 'd' && b == 'b' || a == 't' && b == 't' && i + 2 < s.length() && Character.isDigit(s.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code airDate}: the date sits in a show's structure (see {@link #parsePath}). A name typed
   * with spaces that holds only a title and a date ("Birthday party 2019-05-04") is a dated video
   * of unknown type, not a daily episode.
   */
  private static ParsedName build(Facts f, PathParts path, FolderScan folders, boolean airDate) {
    boolean episode = !f.seasons.isEmpty() || !f.episodes.isEmpty() || !f.absolute.isEmpty()
        || f.date != null && f.year == null && airDate || f.special;
    boolean datedVideo = f.date != null && !airDate && !episode
        || !episode && (f.monthYear && f.releaseFacts == 0 || inHomeFolder(path.folders));
    MediaType type = episode ? MediaType.EPISODE : f.title != null && !datedVideo ? MediaType.MOVIE : MediaType.UNKNOWN;
    ExtraType extra = path.extra != null ? path.extra : f.extra != null ? f.extra : folders.extra();
    String title = TitleCase.ofLowerCase(f.title);
    java.util.List<String> alternatives = f.alternativeTitle == null ? java.util.List.of()
        : java.util.List.of(TitleCase.ofLowerCase(f.alternativeTitle));
    // the canonical constructor, not the builder: one object less per name on the hot path
    return new ParsedName(type, title, f.year, f.seasons, f.episodes, f.absolute, episode ? f.episodeTitle : null,
        f.date, f.part, f.editions, extra, f.tmdbId, f.imdbId, f.tvdbId, f.resolution, f.source, f.videoCodec,
        f.audioCodec, f.releaseGroup, f.languages, path.container, path.subtitle, alternatives, f.country);
  }
}
