package org.videoorganizer.core.parse;

import java.util.Set;

/** Small word tables the recognizers share (season and episode words, generic folders). */
final class Words {
  private Words() {}

  private static final Set<String> SEASON = Set.of("season", "seasons", "saison", "saisons",
      "temporada", "temporadas", "staffel", "stagione", "seizoen", "sezon", "sezona",
      "\u0441\u0435\u0437\u043e\u043d");

  private static final Set<String> EPISODE = Set.of("episode", "episodes", "ep", "eps",
      "episodio", "\u00e9pisode", "folge", "cap", "capitulo", "afl", "aflevering", "odcinek",
      "\u0441\u0435\u0440\u0438\u044f");

  /** Folder names that say nothing about the video (library roots and download places). */
  private static final Set<String> GENERIC_FOLDERS = Set.of("movies", "movie", "films", "film",
      "series", "serie", "tv", "tvshows", "shows", "show", "tvseries", "videos", "video", "media",
      "downloads", "download", "complete", "completed", "incoming", "server", "temp", "tmp", "home",
      "volumes", "data", "unsorted", "av", "mnt", "share", "public", "library", "anime", "kids",
      "torrents", "new", "other", "users", "storage", "nas", "disk", "disc", "dvd", "bluray", "subs",
      "sub", "subtitles", "subtitle", "srt");

  private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may",
      "june", "july", "august", "september", "october", "november", "december", "janvier", "juillet",
      "enero", "agosto", "januar", "juli", "maerz", "gennaio", "luglio");

  /** Folders where people keep their own videos: what is in them is no film or show. */
  private static final Set<String> HOME_FOLDERS = Set.of("homemovies", "homevideos", "homevideo",
      "familyvideos", "familymovies", "family", "dcim", "camera", "cameraroll", "personal",
      "myvideos", "phonevideos");

  /** Every season, episode, month and folder word of these tables. */
  static java.util.Set<String> all() {
    var out = new java.util.HashSet<String>(SEASON);
    out.addAll(EPISODE);
    out.addAll(MONTHS);
    out.addAll(GENERIC_FOLDERS);
    return out;
  }

  static boolean isMonth(String key) {
    return MONTHS.contains(key);
  }

  /** Whether a folder name, read by its letters only ("Home movies", "Camera_Roll"), is a home folder. */
  static boolean isHomeFolderName(String folder) {
    if (folder.length() > 14) {
      return false;
    }
    for (String w : HOME_FOLDERS) {
      if (sameLetters(folder, w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameLetters(String folder, String word) {
    int j = 0;
    for (int i = 0; i < folder.length(); i++) {
      char c = folder.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      if (j >= word.length() || Character.toLowerCase(c) != word.charAt(j)) {
        return false;
      }
      j++;
    }
    return j == word.length();
  }

  static boolean isSeasonWord(String key) {
    return SEASON.contains(key);
  }

  static boolean isEpisodeWord(String key) {
    return EPISODE.contains(key);
  }

  static boolean isGenericFolder(String key) {
    return GENERIC_FOLDERS.contains(key);
  }
}
