package org.videoorganizer.core.parse;

import java.util.List;
import java.util.Locale;

/**
 * What the folders above a file say: a season folder (Season 2, S01, Staffel 3, Specials), an
 * extras folder (trailers, featurettes, ...), and the nearest folder that names the show or
 * movie, parsed like a file name. Library roots and download folders are skipped.
 */
record FolderScan(Integer season, ExtraType extra, String titleFolderName, boolean parentIsTitle) {
  static final FolderScan NONE = new FolderScan(null, null, null, false);

  /** The title folder parsed like a file name (done only when the file needs it), or null. */
  Facts titleFolder(SegmentParser parser) {
    return titleFolderName == null ? null : parser.parse(titleFolderName, NumberRecognizer.Context.FOLDER);
  }

  static FolderScan of(List<String> folders) {
    Integer season = null;
    ExtraType extra = null;
    for (int i = folders.size() - 1; i >= 0; i--) {
      String name = folders.get(i);
      Segment seg = Segment.of(name);
      if (seg.size() == 0 || isGeneric(seg)) {
        continue;
      }
      int s = seasonFolder(seg);
      if (s >= 0) {
        season = season == null ? s : season;
        continue;
      }
      ExtraType e = extraFolder(name);
      if (e != null) {
        extra = extra == null && i == folders.size() - 1 ? e : extra;
        continue;
      }
      return new FolderScan(season, extra, name, i == folders.size() - 1);
    }
    return season == null && extra == null ? NONE : new FolderScan(season, extra, null, false);
  }

  /** The season a folder names on its own ("Season 02", "S3", "Specials"), or -1. */
  static int seasonFolder(Segment seg) {
    Token[] ts = seg.tokens;
    if (ts.length == 1) {
      String k = ts[0].key;
      if (k.equals("specials") || k.equals("special")) {
        return 0;
      }
      if (k.length() >= 2 && k.charAt(0) == 's' && Numbers.isDigits(k.substring(1)) && k.length() <= 5) {
        return Numbers.parse(k, 1, k.length());
      }
      if (k.startsWith("season") && k.length() > 6 && Numbers.isDigits(k.substring(6))) {
        return Numbers.parse(k, 6, k.length());
      }
      return -1;
    }
    if (ts.length == 2 && Words.isSeasonWord(ts[0].key) && ts[1].isDigits() && ts[1].key.length() <= 4) {
      return ts[1].number();
    }
    return -1;
  }

  private static ExtraType extraFolder(String name) {
    return switch (name.toLowerCase(Locale.ROOT).strip()) {
      case "trailers", "trailer" -> ExtraType.TRAILER;
      case "featurettes" -> ExtraType.FEATURETTE;
      case "behind the scenes" -> ExtraType.BEHIND_THE_SCENES;
      case "deleted scenes" -> ExtraType.DELETED_SCENE;
      case "interviews" -> ExtraType.INTERVIEW;
      case "scenes" -> ExtraType.SCENE;
      case "shorts" -> ExtraType.SHORT;
      case "clips" -> ExtraType.CLIP;
      case "extras", "extra", "other", "bonus" -> ExtraType.EXTRA;
      case "samples", "sample" -> ExtraType.SAMPLE;
      default -> null;
    };
  }

  private static boolean isGeneric(Segment seg) {
    for (Token t : seg.tokens) {
      if (t.key.length() > 1 && !Words.isGenericFolder(t.key)) {
        return false;
      }
    }
    return true;
  }
}
