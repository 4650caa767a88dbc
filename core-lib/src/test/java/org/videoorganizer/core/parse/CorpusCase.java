package org.videoorganizer.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One row of a filename corpus (see corpora/README.md): a name and what it must parse to. */
record CorpusCase(String corpus, String input, JsonNode expected, String source) {
  static final List<String> CORPORA = List.of("guessit-movies", "guessit-episodes", "jellyfin-naming");
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<CorpusCase> load(String corpus) {
    String resource = "corpora/" + corpus + ".jsonl";
    var in = CorpusCase.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("test corpus " + resource + " is missing");
    }
    List<CorpusCase> cases = new ArrayList<>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode row = JSON.readTree(line);
          cases.add(new CorpusCase(corpus, row.get("input").asText(), row.get("expected"),
              row.path("source").asText()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("test corpus " + resource + " cannot be read", e);
    }
    return cases;
  }

  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (String corpus : CORPORA) {
      for (CorpusCase c : load(corpus)) {
        names.add(c.input());
      }
    }
    return names;
  }

  @Override
  public String toString() {
    return corpus + ": " + input;
  }
}
