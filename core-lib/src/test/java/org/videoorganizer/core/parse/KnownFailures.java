package org.videoorganizer.core.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The corpus cases the parser still gets wrong, from corpora/known-failures.tsv: one line per
 * case, {@code corpus <tab> input <tab> reason}.
 */
final class KnownFailures {
  private final Map<String, String> reasons;

  private KnownFailures(Map<String, String> reasons) {
    this.reasons = reasons;
  }

  static KnownFailures load() {
    var in = KnownFailures.class.getResourceAsStream("corpora/known-failures.tsv");
    if (in == null) {
      throw new IllegalStateException("corpora/known-failures.tsv is missing");
    }
    Map<String, String> reasons = new HashMap<>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 3 || cols[2].isBlank()) {
          throw new IllegalStateException("known-failures.tsv line " + n
              + " must be corpus<TAB>input<TAB>reason, got: " + line);
        }
        reasons.put(key(cols[0], cols[1]), cols[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("known-failures.tsv cannot be read", e);
    }
    return new KnownFailures(reasons);
  }

  boolean contains(CorpusCase c) {
    return reasons.containsKey(key(c.corpus(), c.input()));
  }

  String reason(CorpusCase c) {
    return reasons.get(key(c.corpus(), c.input()));
  }

  Iterable<String> keys() {
    return reasons.keySet();
  }

  static String key(String corpus, String input) {
    return corpus + "\t" + input;
  }
}
