package org.videoorganizer.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A path cut into folders and a file name; the file name loses its extension (kept as the
 * container), its subtitle sidecar words (Movie.en.forced.srt) and its extra suffix
 * (Movie-trailer.mkv).
 */
final class PathParts {
  private static final Set<String> VIDEO = Set.of("mkv", "avi", "mp4", "m4v", "mov", "wmv", "mpg",
      "mpeg", "ts", "m2ts", "mts", "ogm", "ogv", "webm", "flv", "divx", "xvid", "vob", "iso", "rmvb",
      "rm", "3gp", "asf", "f4v", "strm", "wtv", "dvr-ms", "img", "mk3d");
  private static final Set<String> SUBTITLE = Set.of("srt", "ass", "ssa", "sub", "idx", "vtt",
      "sup", "smi", "pgs");
  private static final Set<String> OTHER = Set.of("nfo", "torrent", "nzb", "disc", "par2", "sfv",
      "rar", "zip", "jpg", "png", "txt");
  private static final Set<String> STUBS = Set.of("bluray", "dvd", "hddvd", "hdtv", "vhs", "tv",
      "web");
  private static final Set<String> EXTRA_SUFFIXES = Set.of("trailer", "sample", "scene", "clip",
      "interview", "behindthescenes", "deleted", "deletedscene", "featurette", "short", "extra", "other");

  final List<String> folders;
  final String stem;
  final String container;
  final SubtitleFacts subtitle;
  final ExtraType extra;
  /** The scene group tag of a sample named only by it (grp-sample.mkv), or null. */
  final String sampleGroup;

  private PathParts(List<String> folders, String stem, String container, SubtitleFacts subtitle,
      ExtraType extra, String sampleGroup) {
    this.folders = folders;
    this.stem = stem;
    this.container = container;
    this.subtitle = subtitle;
    this.extra = extra;
    this.sampleGroup = sampleGroup;
  }

  static PathParts of(String input) {
    List<String> parts = new ArrayList<>(4);
    int from = 0;
    int depth = 0;
    for (int i = 0; i <= input.length(); i++) {
      char c = i == input.length() ? '/' : input.charAt(i);
      depth += c == '[' ? 1 : c == ']' && depth > 0 ? -1 : 0;
      if (i == input.length() || (c == '/' && !spacedSlash(input, i) || c == '\\') && depth == 0) {
        if (i > from && !input.substring(from, i).isBlank()) {
          parts.add(input.substring(from, i).strip());
        }
        from = i + 1;
      }
    }
    if (parts.isEmpty()) {
      return new PathParts(List.of(), "", null, null, null, null);
    }
    String name = parts.remove(parts.size() - 1);
    String container = null;
    String stem = name;
    int dot = name.lastIndexOf('.');
    if (dot > 0 && name.length() - dot <= 8) {
      String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (VIDEO.contains(ext) || SUBTITLE.contains(ext) || OTHER.contains(ext)) {
        container = ext;
        stem = name.substring(0, dot);
      }
    }
    if ("disc".equals(container)) {
      stem = dropLastWord(stem, STUBS);
    }
    SubtitleFacts subtitle = null;
    if (container != null && SUBTITLE.contains(container)) {
      var sidecar = Sidecar.read(stem);
      stem = sidecar.stem();
      subtitle = sidecar.facts();
    }
    ExtraType extra = extraSuffix(stem);
    String sampleGroup = null;
    if (extra != null) {
      String rest = stripExtraSuffix(stem);
      if (extra == ExtraType.SAMPLE && !parts.isEmpty() && isGroupTag(stem, rest)) {
        sampleGroup = rest;
        rest = "";
      }
      stem = rest;
    } else if (isSamplePrefix(stem)) {
      extra = ExtraType.SAMPLE;
      stem = stem.substring(SAMPLE_PREFIX.length());
    }
    for (int i = 0; i < parts.size(); i++) {
      parts.set(i, stripVideoExtension(parts.get(i)));
    }
    return new PathParts(parts, stem, container, subtitle, extra, sampleGroup);
  }

  /** A path that ends in a season folder ("The Show/Season 1") names no file: all folders. */
  PathParts seasonFolderAsFolder() {
    if (container != null || folders.isEmpty() || FolderScan.seasonFolder(Segment.of(stem)) < 0) {
      return this;
    }
    List<String> all = new ArrayList<>(folders);
    all.add(stem);
    return new PathParts(all, "", null, subtitle, extra, sampleGroup);
  }

  private static final String SAMPLE_PREFIX = "sample-";

  /** Scene samples named "sample-" plus the release's file name (sample-movie.name.1999.mkv). */
  private static boolean isSamplePrefix(String stem) {
    return stem.length() > SAMPLE_PREFIX.length() + 1
        && stem.regionMatches(true, 0, SAMPLE_PREFIX, 0, SAMPLE_PREFIX.length());
  }

  /**
   * "grp-sample": what is left before the extra word is a scene group tag (one short lower-case
   * word joined by a dash), not a title.
   */
  private static boolean isGroupTag(String stem, String rest) {
    if (rest.isEmpty() || rest.length() > 10 || stem.charAt(rest.length()) != '-') {
      return false;
    }
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static String stripVideoExtension(String folder) {
    int dot = folder.lastIndexOf('.');
    if (dot > 0 && VIDEO.contains(folder.substring(dot + 1).toLowerCase(Locale.ROOT))) {
      return folder.substring(0, dot);
    }
    return folder;
  }

  private static String dropLastWord(String stem, Set<String> words) {
    int dot = stem.lastIndexOf('.');
    if (dot > 0 && words.contains(stem.substring(dot + 1).toLowerCase(Locale.ROOT))) {
      return stem.substring(0, dot);
    }
    return stem;
  }

  /**
   * " / " between two names is how dual-language releases are written ("Шоу / Show S01E02"); a
   * path separator has no spaces around it.
   */
  private static boolean spacedSlash(String s, int i) {
    return i > 0 && i + 1 < s.length() && s.charAt(i - 1) == ' ' && s.charAt(i + 1) == ' ';
  }

  /** Jellyfin's extra suffixes (-trailer, .sample, _featurette2, " - trailer"); null when none. */
  static ExtraType extraSuffix(String stem) {
    int end = stem.length();
    while (end > 0 && Character.isDigit(stem.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetter(stem.charAt(start - 1))) {
      start--;
    }
    if (start == end || end - start > 15) {
      return null;
    }
    String word = suffixWord(stem, start, end);
    if (word == null) {
      return null;
    }
    boolean wholeNameWord = word.equals("trailer") || word.equals("sample");
    if (start == 0) {
      return wholeNameWord ? extraType(word) : null;
    }
    char sep = stem.charAt(start - 1);
    if (sep == '-' || sep == '.' || sep == '_') {
      return extraType(word);
    }
    boolean spacedDash = sep == ' ' && start >= 3 && stem.startsWith(" - ", start - 3);
    return spacedDash && wholeNameWord ? extraType(word) : null;
  }

  /** The extra suffix spelled (in any case) by {@code stem[start, end)}, without allocating; or null. */
  private static String suffixWord(String stem, int start, int end) {
    for (String w : EXTRA_SUFFIXES) {
      if (w.length() == end - start && stem.regionMatches(true, start, w, 0, w.length())) {
        return w;
      }
    }
    return null;
  }

  private static String stripExtraSuffix(String stem) {
    int end = stem.length();
    while (end > 0 && Character.isDigit(stem.charAt(end - 1))) {
      end--;
    }
    int cut = end;
    while (cut > 0 && Character.isLetter(stem.charAt(cut - 1))) {
      cut--;
    }
    while (cut > 0 && " -._".indexOf(stem.charAt(cut - 1)) >= 0) {
      cut--;
    }
    return cut == 0 ? stem : stem.substring(0, cut);
  }

  static ExtraType extraType(String word) {
    return switch (word) {
      case "trailer", "trailers" -> ExtraType.TRAILER;
      case "sample", "samples" -> ExtraType.SAMPLE;
      case "scene", "scenes" -> ExtraType.SCENE;
      case "clip", "clips" -> ExtraType.CLIP;
      case "interview", "interviews" -> ExtraType.INTERVIEW;
      case "behindthescenes" -> ExtraType.BEHIND_THE_SCENES;
      case "deleted", "deletedscene", "deletedscenes" -> ExtraType.DELETED_SCENE;
      case "featurette", "featurettes" -> ExtraType.FEATURETTE;
      case "short", "shorts" -> ExtraType.SHORT;
      default -> ExtraType.EXTRA;
    };
  }
}
