package org.videoorganizer.core.parse;

/**
 * Runs the recognizers over one segment in a fixed order: each claims tokens, later ones see only
 * what is left, and the title is what nobody claimed.
 */
final class SegmentParser {
  private final IdRecognizer ids = new IdRecognizer();
  private final GroupRecognizer groups = new GroupRecognizer();
  private final EpisodeRecognizer episodes = new EpisodeRecognizer();
  private final DateRecognizer dates = new DateRecognizer();
  private final KeywordRecognizer keywords = new KeywordRecognizer(Vocabulary.DEFAULT);
  private final YearRecognizer years = new YearRecognizer();
  private final BonusRecognizer bonuses = new BonusRecognizer();
  private final PartRecognizer parts = new PartRecognizer();
  private final ExtraWordRecognizer extras = new ExtraWordRecognizer();
  private final NumberRecognizer numbers = new NumberRecognizer();
  private final TitleResolver titles = new TitleResolver();

  /**
   * A fansub banner between stars that opens a name ("★01月新番★[Group][Title][05]": "new this
   * January") announces the release; it is no title, so it is cut before tokenizing. Stars later
   * in a name stay (they can be part of a title).
   */
  static String dropBanner(String text) {
    if (text.isEmpty() || star(text, 0) != 0) {
      return text;
    }
    int z = star(text, 1);
    return z < 0 || z + 1 >= text.length() ? text : text.substring(z + 1);
  }

  private static int star(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u2605' || c == '\u2606') {
        return i;
      }
    }
    return -1;
  }

  /** Only the provider ids a segment names ([tmdbid-603], {tvdb-81189}, tt0133093) into {@code f}. */
  void ids(String text, Facts f) {
    Segment seg = Segment.of(text);
    ids.recognize(seg, f);
  }

  Facts parse(String text, NumberRecognizer.Context ctx) {
    Segment seg = Segment.of(dropBanner(text));
    Facts f = new Facts();
    if (seg.size() == 0) {
      return f;
    }
    ids.recognize(seg, f);
    episodes.recognize(seg, f);
    bonuses.recognize(seg, f);
    dates.recognize(seg, f);
    Vocabulary.Entry[] weak = keywords.strong(seg, f);
    groups.leading(seg, f);
    groups.scenePrefix(seg, f);
    years.recognize(seg, f);
    keywords.weak(seg, f, weak);
    extras.recognize(seg, f);
    parts.recognize(seg, f);
    numbers.recognize(seg, f, ctx);
    groups.trailing(seg, f);
    titles.resolve(seg, f);
    titles.special(seg, f);
    return f;
  }
}
