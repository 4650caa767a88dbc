package org.videoorganizer.gpu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.core.match.MatchResult;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.parse.ParsedName;

/**
 * Feeds analysis to the matcher: the file's duration re-ranks the name's candidates by runtime,
 * and each title the analysis proposes (OCR first, then the vision model) becomes a new search.
 * A confident match by name is never overridden, and analysis gets no lower bar than names: a
 * proposal only wins when the matcher itself is sure of it.
 */
public final class AnalysisMatcher {

  private final Matcher matcher;
  private final FilenameParser parser = new FilenameParser();

  public AnalysisMatcher(Matcher matcher) {
    this.matcher = matcher;
  }

  /**
   * @param name what the file name parsed to
   * @param byName the matcher's answer for the name alone
   * @param report what analysis found in the file
   * @throws org.videoorganizer.core.tmdb.TmdbException when TMDB fails (the video waits, as for names)
   */
  public MatchResult rematch(ParsedName name, MatchResult byName, AnalysisReport report) {
    if (byName instanceof MatchResult.Matched) {
      return byName;
    }
    Optional<Duration> duration = Optional.of(report.probe().duration()).filter(d -> !d.isZero());
    var tried = new ArrayList<MatchResult>();
    if (duration.isPresent() && name.title() != null && !name.title().isBlank()) {
      MatchResult byRuntime = matcher.match(name, duration);
      if (byRuntime instanceof MatchResult.Matched m) {
        return withEvidence(m, "analysis: runtime " + duration.get().toMinutes() + " min compared with the candidates'");
      }
      tried.add(byRuntime);
    }
    for (TitleProposal p : report.proposals()) {
      ParsedName proposed = proposal(p, name);
      MatchResult r = matcher.match(proposed, duration);
      String why = "analysis: " + (p.source().equals("ocr") ? "OCR read" : "vision model proposed") + " '" + p.text()
          + "'" + (p.year() == null ? "" : " (" + p.year() + ")") + " confidence " + String.format("%.2f", p.confidence());
      if (r instanceof MatchResult.Matched m) {
        return withEvidence(m, why);
      }
      tried.add(r);
    }
    MatchResult best = tried.stream().filter(r -> r instanceof MatchResult.Review)
        .max(java.util.Comparator.comparingDouble(MatchResult::confidence)).orElse(byName);
    return withAnalysisEvidence(best, report);
  }

  /**
   * What analysis saw, for the person who reviews: the runtime, the text on screen, the description, the speech, and which
   * candidates the speech names. Evidence only: it changes no decision.
   */
  static MatchResult withAnalysisEvidence(MatchResult result, AnalysisReport report) {
    var lines = new ArrayList<String>(result.evidence());
    if (!report.probe().duration().isZero()) {
      lines.add("analysis: runtime " + report.probe().duration().toMinutes() + " min");
    }
    String onScreen = report.ocr().stream().map(l -> "'" + l.text() + "'").distinct().limit(5)
        .collect(java.util.stream.Collectors.joining(", "));
    if (!onScreen.isEmpty()) {
      lines.add("analysis: text on screen: " + onScreen);
    }
    report.description().ifPresent(d -> lines.add("analysis: vision model: " + d));
    report.transcript().ifPresent(t -> {
      lines.add("analysis: speech" + report.spokenLanguage().map(l -> " (" + l + ")").orElse("") + ": '"
          + (t.length() > 120 ? t.substring(0, 120) + "…" : t) + "'");
      if (result instanceof MatchResult.Review r) {
        String spoken = " " + words(t) + " ";
        var named = r.candidates().stream().filter(c -> c.identity().title() != null)
            .filter(c -> spoken.contains(" " + words(c.identity().title()) + " ")).toList();
        // "Cinderella" inside a spoken "Cinderella Man" is the longer title, not a second mention
        named.stream().filter(c -> named.stream().noneMatch(o -> o != c && words(o.identity().title()).length()
                > words(c.identity().title()).length()
                && (" " + words(o.identity().title()) + " ").contains(" " + words(c.identity().title()) + " ")))
            .forEach(c -> lines.add("analysis: the speech names candidate '" + c.identity().title() + "'"
                + (c.identity().year() == null ? "" : " (" + c.identity().year() + ")")));
      }
    });
    return switch (result) {
      case MatchResult.Matched m -> m;
      case MatchResult.Review r -> new MatchResult.Review(r.candidates(), r.reason(), r.confidence(), lines);
      case MatchResult.NoMatch n -> new MatchResult.NoMatch(n.reason(), lines);
    };
  }

  private static String words(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** The proposal as a parsed name; year, season and episode from the file name fill what the text lacks. */
  private ParsedName proposal(TitleProposal p, ParsedName name) {
    ParsedName parsed = parser.parse(p.text().replace('/', ' '));
    var b = parsed.toBuilder();
    if (parsed.year() == null) {
      b.year(p.year() != null ? p.year() : name.year());
    }
    if (parsed.episodes().isEmpty() && !name.episodes().isEmpty()) {
      b.seasons(name.seasons()).episodes(name.episodes());
    }
    return b.build();
  }

  private static MatchResult.Matched withEvidence(MatchResult.Matched m, String line) {
    List<String> evidence = new ArrayList<>();
    evidence.add(line);
    evidence.addAll(m.evidence());
    return new MatchResult.Matched(m.identity(), m.confidence(), evidence);
  }
}
