package org.videoorganizer.daemon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * Prints one row per file on standard output: a readable table, or JSON lines with at least
 * {@code source}, {@code target}, {@code action}, {@code reason}. Control characters in names are
 * escaped in the table; JSON escapes them itself.
 */
final class ResultPrinter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final boolean json;
  private final Path sourceRoot;
  private final Path libraryRoot;
  private boolean headerDone;

  ResultPrinter(PrintWriter out, boolean json, Path sourceRoot, Path libraryRoot) {
    this.out = out;
    this.json = json;
    this.sourceRoot = sourceRoot;
    this.libraryRoot = libraryRoot;
  }

  void row(int unit, String role, Path source, Path target, String action, String reason) {
    if (json) {
      var m = new LinkedHashMap<String, Object>();
      m.put("unit", unit);
      m.put("role", role.toLowerCase(Locale.ROOT));
      m.put("source", source == null ? null : source.toString());
      m.put("target", target == null ? null : target.toString());
      m.put("action", action);
      m.put("reason", reason);
      try {
        out.println(JSON.writeValueAsString(m));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    if (!headerDone) {
      out.printf("%-13s  %s%n", "ACTION", "SOURCE -> TARGET (REASON)");
      headerDone = true;
    }
    String arrow = target == null ? "" : " -> " + shown(libraryRoot, target);
    String why = reason == null ? "" : "  (" + escape(reason) + ")";
    String from = source == null ? "(new " + role.toLowerCase(Locale.ROOT) + ")" : shown(sourceRoot, source);
    out.printf("%-13s  %s%s%s%n", action, from, arrow, why);
  }

  private static String shown(Path root, Path p) {
    Path rel = root != null && p.startsWith(root) ? root.relativize(p) : p;
    return escape(rel.toString());
  }

  static String escape(String s) {
    var sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7F || (c >= 0x202A && c <= 0x202E) || c == '\uFFFD') {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  void flush() {
    out.flush();
  }
}
