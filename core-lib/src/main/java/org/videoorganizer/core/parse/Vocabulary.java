package org.videoorganizer.core.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The release-word table ({@code vocabulary.tsv} beside this class): phrases of token keys mapped
 * to what they mean. Loaded once; read-only afterwards, so safe to share between threads.
 */
final class Vocabulary {
  /** What a phrase means. {@code value} "~" marks filler words (edition, cut) with no value. */
  record Entry(Kind kind, String value, boolean weak, int words) {}

  static final Vocabulary DEFAULT = load("vocabulary.tsv");

  /** A word of a phrase: the entry when the phrase may end here, and the words that may follow. */
  private record Node(Entry entry, Map<String, Node> next) {}

  private final Map<String, Node> roots;

  private Vocabulary(Map<String, Node> roots) {
    this.roots = roots;
  }

  /** Every word of every phrase in the table (token keys). */
  java.util.Set<String> words() {
    var out = new java.util.HashSet<String>();
    collect(roots, out);
    return out;
  }

  private static void collect(Map<String, Node> level, java.util.Set<String> out) {
    for (var e : level.entrySet()) {
      out.add(e.getKey());
      collect(e.getValue().next(), out);
    }
  }

  /** The longest phrase starting at token {@code from} whose next tokens are free, or null. */
  Entry longestAt(Token[] tokens, int from) {
    Token first = tokens[from];
    Node node = roots.get(first.key);
    if (node == null) {
      return null;
    }
    Entry best = node.entry();
    for (int i = from + 1; i < tokens.length && !node.next().isEmpty(); i++) {
      Token t = tokens[i];
      if (!t.free() || t.group != first.group || t.dashBefore == Token.SPACED_DASH) {
        break;
      }
      node = node.next().get(t.key);
      if (node == null) {
        break;
      }
      if (node.entry() != null) {
        best = node.entry();
      }
    }
    return best;
  }

  /** Whether a single token key is a known release word. */
  boolean has(String key) {
    Node node = roots.get(key);
    return node != null && node.entry() != null;
  }

  private static Vocabulary load(String resource) {
    Map<String, Entry> phrases = new HashMap<>();
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
          phrases.putIfAbsent(p, new Entry(kind, cols[1], weak, p.split(" ").length));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("token table " + resource + " cannot be read", e);
    }
    return new Vocabulary(trie(phrases));
  }

  /** Phrases as a read-only word tree, so a lookup builds no strings. */
  private static Map<String, Node> trie(Map<String, Entry> phrases) {
    Map<String, Object> tree = new HashMap<>();
    for (var p : phrases.entrySet()) {
      Map<String, Object> level = tree;
      String[] words = p.getKey().split(" ");
      for (int i = 0; i < words.length; i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) level.computeIfAbsent(words[i], k -> new HashMap<String, Object>());
        if (i == words.length - 1) {
          child.put("", p.getValue());
        }
        level = child;
      }
    }
    return freeze(tree);
  }

  private static Map<String, Node> freeze(Map<String, Object> level) {
    Map<String, Node> out = new HashMap<>();
    for (var e : level.entrySet()) {
      if (e.getKey().isEmpty()) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> child = (Map<String, Object>) e.getValue();
      out.put(e.getKey(), new Node((Entry) child.get(""), freeze(child)));
    }
    return Map.copyOf(out);
  }
}
