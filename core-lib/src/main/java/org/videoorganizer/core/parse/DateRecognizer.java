package org.videoorganizer.core.parse;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Air dates of daily shows: 2023-07-14, 2023.07.14, 2023_07_14, 2023 07 14, 20021107, day first
 * (14-01-2008, 09.03.08), month first when the day cannot be a month (03-29-2012), and "2 mar
 * 2013". Years outside 1920..2039 are not dates.
 */
final class DateRecognizer {

  void recognize(Segment seg, Facts f) {
    Token[] ts = seg.tokens;
    for (int i = 0; i < ts.length && f.date == null; i++) {
      Token t = ts[i];
      if (!t.free() || !Character.isDigit(t.key.charAt(0))) {
        continue;
      }
      if (t.key.length() == 8 && t.isDigits()) {
        LocalDate d = date(num(t.key, 0, 4), num(t.key, 4, 6), num(t.key, 6, 8));
        if (d != null) {
          set(f, ts.length, d, t);
        }
        continue;
      }
      if (i + 2 < ts.length && t.isDigits() && ts[i + 1].free() && ts[i + 2].free()) {
        LocalDate d = threeParts(t, ts[i + 1], ts[i + 2]);
        if (d != null) {
          set(f, ts.length, d, t, ts[i + 1], ts[i + 2]);
        }
      }
    }
  }

  private static LocalDate threeParts(Token a, Token b, Token c) {
    int la = a.key.length();
    int lc = c.key.length();
    boolean joined = b.dashBefore != Token.SPACED_DASH && c.dashBefore != Token.SPACED_DASH
        && b.sepBefore == c.sepBefore;
    if (b.isDigits() && c.isDigits() && b.key.length() == 2 && la >= 2 && joined) {
      int x = a.number();
      int y = b.number();
      int z = c.number();
      if (la == 4 && lc <= 2) {
        return date(x, y, z);
      }
      if (la <= 2 && (lc == 4 || lc == 2)) {
        int year = lc == 4 ? z : 2000 + z;
        LocalDate dayFirst = year <= 2030 ? date(year, y, x) : null;
        if (dayFirst != null && lc == 2 && la == 2 && c.sepBefore == '.') {
          return dayFirst;
        }
        if (lc == 2 && la == 2) {
          LocalDate yearFirst = date(2000 + x, y, z);
          return dayFirst != null ? dayFirst : yearFirst;
        }
        return dayFirst != null ? dayFirst : date(year, x, y);
      }
      return null;
    }
    int month = month(b.key);
    if (month > 0 && la <= 2 && lc == 4 && c.isDigits()) {
      return date(c.number(), month, a.number());
    }
    return null;
  }

  private static int month(String k) {
    if (k.length() < 3) {
      return -1;
    }
    return switch (k.length() > 3 ? k.substring(0, 3) : k) {
      case "jan" -> 1; case "feb" -> 2; case "mar" -> 3; case "apr" -> 4; case "may" -> 5;
      case "jun" -> 6; case "jul" -> 7; case "aug" -> 8; case "sep" -> 9; case "oct" -> 10;
      case "nov" -> 11; case "dec" -> 12;
      default -> -1;
    };
  }

  private static int num(String s, int from, int to) {
    return Numbers.parse(s, from, to);
  }

  static LocalDate date(int y, int m, int d) {
    if (y < 1920 || y > 2039 || m < 1 || m > 12 || d < 1 || d > 31) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static void set(Facts f, int size, LocalDate d, Token... parts) {
    f.date = d;
    f.dateInShowStructure = parts[0].dashBefore == Token.SPACED_DASH || parts[parts.length - 1].index + 1 < size;
    for (Token t : parts) {
      t.kind = Kind.DATE;
      f.marker(t.index);
    }
  }
}
