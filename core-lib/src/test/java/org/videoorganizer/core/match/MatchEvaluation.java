package org.videoorganizer.core.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.parse.ParsedName;

/**
 * Runs the real parser and the matcher over {@code match-eval/names.tsv} and counts, per
 * category: automatic matches right and wrong, names sent to review or none, and names whose
 * expected answer was an id. Parser mistakes count like matcher mistakes.
 */
final class MatchEvaluation {

  /** One labelled name. */
  record Row(String source, String category, String expected, String name) {
    boolean expectsId() {
      return expected.startsWith("movie:") || expected.startsWith("tv:");
    }

    String kind() {
      return expected.startsWith("movie:") ? "movies" : expected.startsWith("tv:") ? "episodes" : "none/review";
    }
  }

  /** Counts for one group of rows. */
  static final class Tally {
    int rows;
    int expectingId;
    int autoRight;
    int autoWrong;
    int asked;

    double precision() {
      int auto = autoRight + autoWrong;
      return auto == 0 ? 1 : (double) autoRight / auto;
    }

    double coverage() {
      return expectingId == 0 ? 1 : (double) autoRight / expectingId;
    }
  }

  /** Per category, per kind (movies/episodes) and overall, plus the wrong automatic matches. */
  record Report(Map<String, Tally> byCategory, Map<String, Tally> byKind, Tally all, List<String> wrong,
      List<String> missed, Map<String, Tally> byConfidence) {
    String table() {
      var sb = new StringBuilder(String.format(Locale.ROOT, "%-14s %5s %6s %6s %6s %6s %10s %9s%n",
          "group", "names", "ids", "auto", "wrong", "asked", "precision", "coverage"));
      byCategory.forEach((k, t) -> line(sb, k, t));
      byKind.forEach((k, t) -> line(sb, "[" + k + "]", t));
      line(sb, "[all]", all);
      sb.append("\nautomatic matches by confidence (precision per band):\n");
      byConfidence.forEach((k, t) -> sb.append(String.format(Locale.ROOT, "  %-12s %5d matches, %3d wrong, precision %.1f%%%n",
          k, t.autoRight + t.autoWrong, t.autoWrong, 100 * t.precision())));
      return sb.toString();
    }

    private static void line(StringBuilder sb, String name, Tally t) {
      sb.append(String.format(Locale.ROOT, "%-14s %5d %6d %6d %6d %6d %9.1f%% %8.1f%%%n", name, t.rows,
          t.expectingId, t.autoRight + t.autoWrong, t.autoWrong, t.asked, 100 * t.precision(), 100 * t.coverage()));
    }
  }

  private MatchEvaluation() {}

  /** The generated names ({@code names.tsv}) and the hand-labelled ones ({@code hand-labelled.tsv}). */
  static List<Row> rows() {
    var rows = new ArrayList<Row>();
    for (String file : List.of("names.tsv", "hand-labelled.tsv")) {
      try (var in = MatchEvaluation.class.getResourceAsStream("/match-eval/" + file);
          var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          if (line.startsWith("#") || line.startsWith("category\t") || line.isBlank()) {
            continue;
          }
          String[] f = line.split("\t", 3);
          if (f.length != 3) {
            throw new IllegalStateException("match-eval/" + file + ": expected 3 tab-separated columns, got: " + line);
          }
          rows.add(new Row(file, f[0], f[1], f[2]));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  static Report run(Matcher matcher, List<Row> rows) {
    var parser = new FilenameParser();
    var byCategory = new TreeMap<String, Tally>();
    var byKind = new TreeMap<String, Tally>();
    var all = new Tally();
    var wrong = new ArrayList<String>();
    var missed = new ArrayList<String>();
    var byConfidence = new TreeMap<String, Tally>();
    for (Row row : rows) {
      ParsedName parsed = parser.parse(row.name());
      MatchResult result = matcher.match(parsed);
      String got = describe(result);
      boolean auto = result instanceof MatchResult.Matched;
      boolean right = auto && agrees(row.expected(), result);
      for (Tally t : List.of(byCategory.computeIfAbsent(row.category(), k -> new Tally()),
          byKind.computeIfAbsent(row.kind(), k -> new Tally()), byKind.computeIfAbsent(row.source(), k -> new Tally()), all)) {
        t.rows++;
        t.expectingId += row.expectsId() ? 1 : 0;
        t.autoRight += right ? 1 : 0;
        t.autoWrong += auto && !right ? 1 : 0;
        t.asked += auto ? 0 : 1;
      }
      if (auto) {
        Tally band = byConfidence.computeIfAbsent(band(result.confidence()), k -> new Tally());
        band.autoRight += right ? 1 : 0;
        band.autoWrong += right ? 0 : 1;
      }
      String line = row.source().charAt(0) + ":" + row.category() + "\t" + row.expected() + "\t" + got + "\t" + row.name() + "\t" + parsed.title()
          + " " + parsed.year() + " S" + parsed.seasons() + "E" + parsed.episodes() + " abs" + parsed.absoluteEpisodes()
          + (parsed.date() == null ? "" : " " + parsed.date());
      if (auto && !right) {
        wrong.add(line);
      } else if (!auto && row.expectsId()) {
        missed.add(line + "\t" + (result instanceof MatchResult.Review r ? r.reason() : ((MatchResult.NoMatch) result).reason()));
      }
    }
    return new Report(byCategory, byKind, all, wrong, missed, byConfidence);
  }

  private static String band(double confidence) {
    return confidence >= 0.99 ? "[0.99, 1]" : confidence >= 0.95 ? "[0.95, 0.99)" : confidence >= 0.9 ? "[0.90, 0.95)" : "[0.85, 0.90)";
  }

  static String describe(MatchResult result) {
    if (!(result instanceof MatchResult.Matched m)) {
      return result.decision();
    }
    Identity id = m.identity();
    return id.kind() == Identity.Kind.MOVIE ? "movie:" + id.tmdbId()
        : "tv:" + id.tmdbId() + (id.season() == null ? "" : ":" + id.season() + (id.episode() == null ? "" : ":" + id.episode()));
  }

  private static boolean agrees(String expected, MatchResult result) {
    return expected.equals(describe(result));
  }
}
