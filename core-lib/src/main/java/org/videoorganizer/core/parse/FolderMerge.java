package org.videoorganizer.core.parse;

/**
 * Combines a file's facts with those of the folder that names its show or movie: the folder
 * gives the title when the file has none (Show/Season 2/03.mkv) or only a scene abbreviation
 * (Movie.2012.720p.BluRay-GRP/grp-movie.720p.mkv), every fact when the file name is a hash,
 * and the year when both name the same title.
 */
final class FolderMerge {
  private FolderMerge() {}

  /**
   * Whether the title folder can change anything for this file, so a file that already says it
   * all (title, year, season and episode) is not made to parse its folders as well.
   */
  static boolean needsFolder(Facts file, String folderName) {
    if (folderName == null) {
      return false;
    }
    if (file.title == null || isGeneric(norm(file.title)) || file.scenePrefix || file.titleAfterMarker || file.releaseFacts == 0 && file.year == null
        || (!file.episodes.isEmpty() || !file.absolute.isEmpty()) && (file.seasons.isEmpty() || file.episodeTitle == null)) {
      return true;
    }
    if (file.year != null) {
      return isLowerCase(file.title);
    }
    String fileKey = norm(file.title);
    String folderKey = norm(folderName);
    return folderKey.startsWith(fileKey) || fileKey.endsWith(folderKey) || fileKey.length() <= 4;
  }

  static Facts merge(Facts file, Facts folder, String stem, boolean parent) {
    if (folder.title == null) {
      return file;
    }
    if (isOpaque(stem, file)) {
      return folder;
    }
    String fileKey = file.title == null ? "" : norm(file.title);
    String folderKey = norm(folder.title);
    boolean sameTitle = fileKey.equals(folderKey);
    boolean fromFolder = false;
    boolean releaseFolder = folder.releaseFacts >= 1 || folder.year != null;
    if (file.titleAfterMarker && !sameTitle && file.episodeTitle == null) {
      file.episodeTitle = file.title;
      file.title = null;
    }
    if (file.title == null || isGeneric(fileKey) || sceneAbbreviation(stem, file, folder)
        || file.scenePrefix && releaseFolder && !sameTitle
        || !sameTitle && folderKey.length() >= 4 && tagBeforeTitle(file.title, folderKey)) {
      file.title = folder.title;
      fromFolder = true;
    }
    if (folder.titleThroughDashes != null && !fromFolder && file.title != null && folderKey.equals(fileKey)) {
      String full = norm(folder.titleThroughDashes);
      if (norm(stem).contains(full)) {
        file.title = folder.titleThroughDashes;
      }
    }
    if (sameTitle && isLowerCase(file.title) && !isLowerCase(folder.title)) {
      file.title = folder.title;
    }
    if (sameTitle && file.episodeTitle == null && folder.episodeTitle != null
        && file.episodes.equals(folder.episodes)) {
      file.episodeTitle = folder.episodeTitle;
    }
    if (parent && file.seasons.isEmpty() && !folder.seasons.isEmpty() && !file.episodes.isEmpty()) {
      file.seasons.addAll(folder.seasons);
    }
    if (file.year == null && folder.year != null && (sameTitle || fromFolder)) {
      file.year = folder.year;
    }
    if (file.seasons.isEmpty() && !folder.seasons.isEmpty() && (sameTitle || fromFolder)
        && !file.episodes.isEmpty()) {
      file.seasons.addAll(folder.seasons);
    }
    if (fromFolder && file.editions.isEmpty()) {
      folder.editions.forEach(file::addEdition);
    }
    return file;
  }

  /** A file name that says nothing: a hash or random id (90550c1adaf44c47b60d24f59603bb98). */
  private static boolean isOpaque(String stem, Facts file) {
    if (file.hasEpisodeInfo() && !isDigitsAndSeparators(stem) || file.year != null) {
      return false;
    }
    if (isDigitsAndSeparators(stem)) {
      return true;
    }
    if (stem.length() < 16) {
      return false;
    }
    int digits = 0;
    for (int i = 0; i < stem.length(); i++) {
      char c = stem.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        return false;
      }
      digits += Character.isDigit(c) ? 1 : 0;
    }
    return digits >= 4;
  }

  /** A name of six or more digits and separators only (160725_02): a camera or id name. */
  private static boolean isDigitsAndSeparators(String s) {
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isDigit(c) && c != '_' && c != '-' && c != '.' && c != ' ') {
        return false;
      }
      digits += Character.isDigit(c) ? 1 : 0;
    }
    return digits >= 6;
  }

  /** Lower-case "grp-title" file inside a release folder that names the title in full. */
  private static boolean sceneAbbreviation(String stem, Facts file, Facts folder) {
    if (folder.releaseFacts < 2 || !stem.equals(stem.toLowerCase(java.util.Locale.ROOT))) {
      return false;
    }
    int dash = stem.indexOf('-');
    int dot = stem.indexOf('.');
    if (dash <= 0 || dash > 8 || dot >= 0 && dot < dash || stem.indexOf(' ') >= 0 && stem.indexOf(' ') < dash) {
      return false;
    }
    String f = norm(file.title);
    String d = norm(folder.title);
    return !f.equals(d);
  }

  /**
   * "video_ts-ratatouille": the file's title is the folder's title behind a tag joined by a tight
   * dash, so the folder's is the title. A file title that only ends with the folder's words
   * ("Sousou no Frieren" in "Frieren/") is its own, fuller title and wins.
   */
  private static boolean tagBeforeTitle(String fileTitle, String folderKey) {
    int d = fileTitle == null ? -1 : fileTitle.lastIndexOf('-');
    if (d <= 0 || d + 1 >= fileTitle.length() || fileTitle.charAt(d - 1) == ' ' || fileTitle.charAt(d + 1) == ' ') {
      return false;
    }
    return norm(fileTitle.substring(d + 1)).equals(folderKey);
  }

  /** A file title that names no video: "file", "video", "movie", "untitled". */
  private static boolean isGeneric(String key) {
    return switch (key) {
      case "file", "video", "movie", "film", "untitled", "output", "main", "feature", "episode" -> true;
      default -> false;
    };
  }

  /** A title written all in lower case (scene file names): a folder's capitals read better. */
  private static boolean isLowerCase(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (Character.isUpperCase(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static String norm(String raw) {
    String s = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKD);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }
}
