package org.videoorganizer.daemon.organize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lines of a journal file, read back. A torn last line (the process died mid-write) is ignored. */
record JournalLines(Path file, List<JsonNode> lines) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static JournalLines read(Path file) throws IOException {
    var lines = new ArrayList<JsonNode>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        lines.add(JSON.readTree(line));
      } catch (IOException torn) {
        // only the last line can be torn; a killed run never wrote past it
      }
    }
    if (lines.isEmpty() || !"run".equals(op(lines.getFirst()))) {
      throw new IllegalArgumentException("not a vorg journal (its first line must be a run line): " + file);
    }
    return new JournalLines(file, lines);
  }

  JsonNode run() {
    return lines.getFirst();
  }

  String runId() {
    return run().path("run").asText();
  }

  boolean has(String op) {
    return lines.stream().anyMatch(l -> op.equals(op(l)));
  }

  List<JsonNode> all(String op) {
    return lines.stream().filter(l -> op.equals(op(l))).toList();
  }

  static String op(JsonNode line) {
    return line.path("op").asText();
  }

  static Path path(JsonNode line, String key) {
    JsonNode n = line.get(key);
    return n == null || n.isNull() ? null : Path.of(n.asText());
  }
}
