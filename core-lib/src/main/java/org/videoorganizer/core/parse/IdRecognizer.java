package org.videoorganizer.core.parse;

/**
 * Provider ids written in names ([tmdbid-603], {tvdb-123}, [imdbid-tt0133093], tt0133093) and
 * web sites (www.site.com, [site.org]) that release names carry as prefixes or suffixes.
 */
final class IdRecognizer {

  void recognize(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    for (int i = 0; i < ts.length; i++) {
      Token t = ts[i];
      if (!t.free()) {
        continue;
      }
      String k = t.key;
      if (isImdb(k)) {
        f.imdbId = f.imdbId == null ? k : f.imdbId;
        t.kind = Kind.PROVIDER_ID;
        claimLabel(ts, i - 1);
        continue;
      }
      int provider = provider(k);
      if (provider > 0 && i + 1 < ts.length) {
        Token v = ts[i + 1];
        if (provider == 3 && isImdb(v.key)) {
          continue;
        }
        if (v.isDigits() && v.key.length() <= 10) {
          long id = Long.parseLong(v.key);
          if (provider == 1) {
            f.tmdbId = id;
          } else if (provider == 2) {
            f.tvdbId = id;
          }
          t.kind = Kind.PROVIDER_ID;
          v.kind = Kind.PROVIDER_ID;
        }
        continue;
      }
      if (isTld(k) && i > 0 && ts[i].sepBefore == '.' && ts[i - 1].free()) {
        int start = i - 1;
        if (start > 0 && ts[start - 1].key.equals("www")) {
          start--;
        }
        boolean site = ts[start].key.equals("www") || t.group != 0
            || i == ts.length - 1 && k.length() == 3;
        if (site) {
          int end = i;
          while (end + 1 < ts.length && ts[end + 1].sepBefore == '.' && isTld(ts[end + 1].key)) {
            end++;
          }
          for (int k2 = start; k2 <= end; k2++) {
            ts[k2].kind = Kind.WEBSITE;
          }
          i = end;
        }
      }
    }
  }

  private static void claimLabel(Token[] ts, int i) {
    if (i >= 0 && ts[i].free() && provider(ts[i].key) == 3) {
      ts[i].kind = Kind.PROVIDER_ID;
    }
  }

  /** 1 tmdb, 2 tvdb, 3 imdb, else 0. */
  private static int provider(String k) {
    return switch (k) {
      case "tmdbid", "tmdb" -> 1;
      case "tvdbid", "tvdb" -> 2;
      case "imdbid", "imdb" -> 3;
      default -> 0;
    };
  }

  private static boolean isImdb(String k) {
    if (k.length() < 9 || k.length() > 10 || !k.startsWith("tt")) {
      return false;
    }
    return Numbers.isDigits(k.substring(2));
  }

  private static boolean isTld(String k) {
    return switch (k) {
      case "com", "net", "org", "info", "tv", "to", "me", "cc", "ws", "io", "biz", "ru", "lt", "se",
          "nu", "xyz", "site", "club", "online", "top", "co" -> true;
      default -> false;
    };
  }
}
