package org.videoorganizer.core.parse;

import java.time.LocalDate;

/**
 * Names that cameras, phones and screen recorders give their videos: a device label and a
 * counter (IMG_1234, DSC_0001, MVI_0042, GOPR0001, GH010001, DJI_0001) or a capture time
 * (VID_20230101_123456, PXL_20230101_123456789, 20230101_123456, VID-20230101-WA0001,
 * "Screen Recording 2023-01-01 at 10.00.00"). They are home videos, not episodes: no title,
 * season or episode, only the date when the name gives one.
 */
record HomeVideo(LocalDate date) {

  /** The DCF prefixes cameras and phones put before a counter or capture time (IMG_1234). */
  private static boolean isDeviceLabel(String k) {
    return switch (k) {
      case "img", "vid", "pxl", "dsc", "dscn", "dscf", "mvi", "mov", "dji", "mah", "pict", "imgp",
          "cimg", "gopr", "gp", "gh", "gx" -> true;
      default -> false;
    };
  }

  /** Words of screen recorders and messengers, which name a capture time after them. */
  private static boolean isRecorderWord(String k) {
    return switch (k) {
      case "screen", "recording", "screenshot", "screencast", "whatsapp", "video", "signal", "rpreplay" -> true;
      default -> false;
    };
  }

  /** The home video a stem names, or null when it is no camera, phone or recorder name. */
  static HomeVideo read(String stem) {
    if (!mayBe(stem)) {
      return null;
    }
    Token[] ts = Segment.of(stem).tokens;
    if (ts.length == 0) {
      return null;
    }
    int i = 0;
    boolean device = false;
    if (fusedLabel(ts[0].key)) {
      device = true;
      i = 1;
    } else if (ts.length >= 2 && isDeviceLabel(ts[0].key) && (ts[1].sepBefore == '_' || ts[1].sepBefore == '-')
        && ts[1].isDigits() && ts[1].key.length() >= 4) {
      device = true;
      i = 1;
    } else {
      while (i < ts.length && i < 3 && isRecorderWord(ts[i].key)) {
        i++;
      }
    }
    for (int k = i; k < ts.length; k++) {
      String key = ts[k].key;
      if (!ts[k].isDigits() && !key.equals("at") && !code(key)) {
        return null;
      }
    }
    LocalDate date = date(ts, i);
    if (device) {
      return new HomeVideo(date);
    }
    return date != null && timeAfterDate(ts, i) ? new HomeVideo(date) : null;
  }

  private static final String[] FIRST_WORDS = {"img", "vid", "pxl", "dsc", "dscn", "dscf", "mvi",
      "mov", "dji", "mah", "pict", "imgp", "cimg", "gopr", "gp", "gh", "gx", "screen", "recording",
      "screenshot", "screencast", "whatsapp", "video", "signal", "rpreplay"};

  /**
   * A look at the first word that allocates nothing, so that other names are not tokenized twice:
   * a device or recorder word, or eight digits of a date.
   */
  private static boolean mayBe(String s) {
    if (s.length() < 4 || s.length() > 60) {
      return false;
    }
    if (Character.isDigit(s.charAt(0))) {
      return s.length() >= 15 && Numbers.digitRun(s, 0) == 8;
    }
    int e = 0;
    while (e < s.length() && e <= 10 && Character.isLetter(s.charAt(e))) {
      e++;
    }
    for (String w : FIRST_WORDS) {
      if (w.length() == e && s.regionMatches(true, 0, w, 0, e)) {
        return true;
      }
    }
    return false;
  }

  /** "gopr0001", "gh010001", "dscn0042", "img1234": a label glued to a counter of 4+ digits. */
  private static boolean fusedLabel(String k) {
    int d = 0;
    while (d < k.length() && Character.isLetter(k.charAt(d))) {
      d++;
    }
    return d > 0 && k.length() - d >= 4 && Numbers.isDigits(k.substring(d)) && isDeviceLabel(k.substring(0, d));
  }

  /** A short letters-then-digits code such as WhatsApp's "wa0001" or "final1612345678". */
  private static boolean code(String k) {
    int d = 0;
    while (d < k.length() && Character.isLetter(k.charAt(d))) {
      d++;
    }
    return d > 0 && d <= 5 && k.length() - d >= 2 && Numbers.isDigits(k.substring(d));
  }

  private static LocalDate date(Token[] ts, int from) {
    for (int i = from; i < ts.length; i++) {
      String k = ts[i].key;
      if (!ts[i].isDigits()) {
        continue;
      }
      if (k.length() == 8) {
        LocalDate d = DateRecognizer.date(Numbers.parse(k, 0, 4), Numbers.parse(k, 4, 6), Numbers.parse(k, 6, 8));
        if (d != null) {
          return d;
        }
      }
      if (k.length() == 4 && i + 2 < ts.length && ts[i + 1].key.length() == 2 && ts[i + 2].key.length() == 2
          && ts[i + 1].isDigits() && ts[i + 2].isDigits()) {
        LocalDate d = DateRecognizer.date(ts[i].number(), ts[i + 1].number(), ts[i + 2].number());
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /**
   * A capture time right after the date at {@code from}: "20230101_123456", "2023-01-01 at
   * 10.00.00", "20230101-101010".
   */
  private static boolean timeAfterDate(Token[] ts, int from) {
    if (from >= ts.length) {
      return false;
    }
    int t = ts[from].key.length() == 8 ? from + 1 : from + 3;
    if (t < ts.length && ts[t].key.equals("at")) {
      t++;
    }
    if (t >= ts.length || !ts[t].isDigits()) {
      return false;
    }
    String k = ts[t].key;
    boolean compact = k.length() >= 6 && Numbers.parse(k, 0, 2) < 24;
    boolean parts = k.length() <= 2 && ts[t].number() < 24 && t + 1 < ts.length && ts[t + 1].isDigits()
        && ts[t + 1].key.length() == 2;
    return compact || parts;
  }
}
