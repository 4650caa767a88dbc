package org.videoorganizer.core.naming;

import java.util.List;

/**
 * Builds one component from segments within a byte budget. Fixed segments (rank 0: year, id tag,
 * episode numbers) are kept whole; cuttable ones are shortened, highest rank first, at code point
 * boundaries, and an optional segment cut to nothing loses its separator too.
 */
final class NameFitter {

  /** Part of a component: a separator, a text, and when it may be cut (0 = never). */
  record Segment(String separator, String text, int cutRank) {
    static Segment fixed(String text) {
      return new Segment("", text, 0);
    }
  }

  private NameFitter() {}

  static String fit(List<Segment> segments, int budget) {
    String[] texts = segments.stream().map(Segment::text).toArray(String[]::new);
    int total = total(segments, texts);
    int maxRank = segments.stream().mapToInt(Segment::cutRank).max().orElse(0);
    for (int rank = maxRank; rank > 0 && total > budget; rank--) {
      for (int i = 0; i < texts.length && total > budget; i++) {
        if (segments.get(i).cutRank() == rank) {
          int keep = SafeName.bytes(texts[i]) - (total - budget);
          texts[i] = SafeName.cut(texts[i], keep);
          total = total(segments, texts);
        }
      }
    }
    if (total > budget) {
      throw new IllegalArgumentException(
          "a name's fixed parts must fit " + budget + " UTF-8 bytes; got " + total);
    }
    return join(segments, texts);
  }

  private static int total(List<Segment> segments, String[] texts) {
    return SafeName.bytes(join(segments, texts));
  }

  private static String join(List<Segment> segments, String[] texts) {
    var sb = new StringBuilder();
    for (int i = 0; i < texts.length; i++) {
      if (!texts[i].isEmpty()) {
        sb.append(segments.get(i).separator()).append(texts[i]);
      }
    }
    return sb.toString();
  }
}
