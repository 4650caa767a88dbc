package org.videoorganizer.core.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The release-word table ({@code vocabulary.tsv} beside this class): phrases of token keys mapped
 * to what they mean. Loaded once; read-only afterwards, so safe to share between threads.
 */
final class Vocabulary {
  /** What a phrase means. {@code value} "~" marks filler words (edition, cut) with no value. */
  record Entry(Kind kind, String value, boolean weak, int words) {}

  static final Vocabulary DEFAULT = load("vocabulary.tsv");

  private final Map<String, Entry> phrases;
  private final Set<String> multiWordStarts;
  private final int maxWords;

  private Vocabulary(Map<String, Entry> phrases, Set<String> multiWordStarts, int maxWords) {
    this.phrases = phrases;
    this.multiWordStarts = multiWordStarts;
    this.maxWords = maxWords;
  }

  /** The longest phrase starting at token {@code from} whose tokens are all free, or null. */
  Entry longestAt(Token[] tokens, int from) {
    Token first = tokens[from];
    if (multiWordStarts.contains(first.key)) {
      StringBuilder b = new StringBuilder(32).append(first.key);
      Entry best = null;
      for (int i = from + 1; i < tokens.length && i - from < maxWords; i++) {
        Token t = tokens[i];
        if (!t.free() || t.group != first.group || t.dashBefore == Token.SPACED_DASH) {
          break;
        }
        b.append(' ').append(t.key);
        Entry e = phrases.get(b.toString());
        if (e != null) {
          best = e;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return phrases.get(first.key);
  }

  /** Whether a single token key is a known release word. */
  boolean has(String key) {
    return phrases.containsKey(key);
  }

  private static Vocabulary load(String resource) {
    Map<String, Entry> phrases = new HashMap<>();
    Set<String> starts = new HashSet<>();
    int max = 1;
    try (var in = Vocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("token table " + resource + " is missing from the jar");
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        Kind kind = Kind.valueOf(cols[0]);
        for (String phrase : cols[2].split("\\|")) {
          boolean weak = phrase.startsWith("~");
          String p = weak ? phrase.substring(1) : phrase;
          String[] words = p.split(" ");
          phrases.putIfAbsent(p, new Entry(kind, cols[1], weak, words.length));
          if (words.length > 1) {
            starts.add(words[0]);
            max = Math.max(max, words.length);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("token table " + resource + " cannot be read", e);
    }
    return new Vocabulary(Map.copyOf(phrases), Set.copyOf(starts), max);
  }
}
