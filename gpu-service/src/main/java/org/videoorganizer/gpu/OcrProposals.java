package org.videoorganizer.gpu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.videoorganizer.gpu.ocr.OcrLine;

/**
 * Turns OCR lines into titles to search for: per frame, opening frames first, the frame's
 * lines joined (so "CINDERELLA" over "1950", or a title over "Season 1 Episode 3", reach the
 * name parser together) and its first line alone; credit lines are left out.
 */
final class OcrProposals {

  /**
   * Credit and studio lines, not titles.
   * Must match: "Directed by Jane Doe", "Produced by", "Starring", "Music by", "Copyright 2020", "All rights reserved".
   * Must not match: "The Director's Cut", "Music of the Heart".
   */
  private static final Pattern CREDIT = Pattern.compile(
      "(?i)^(directed|produced|written|music|screenplay|edited|photographed|presented|distributed) by\\b.*"
          + "|^(starring|with|and|in association with|a film by|copyright|©).*|.*\\ball rights reserved\\b.*");

  private static final int MAX = 6;

  private OcrProposals() {}

  static List<TitleProposal> of(List<OcrLine> lines, Duration openingEnd) {
    Map<Duration, List<OcrLine>> frames = new LinkedHashMap<>();
    lines.stream().filter(l -> !CREDIT.matcher(l.text()).matches())
        .sorted(java.util.Comparator.comparing((OcrLine l) -> !l.at().minus(openingEnd).isNegative()))
        .forEach(l -> frames.computeIfAbsent(l.at(), k -> new ArrayList<>()).add(l));
    Set<String> seen = new LinkedHashSet<>();
    var proposals = new ArrayList<TitleProposal>();
    for (List<OcrLine> frame : frames.values()) {
      double confidence = frame.stream().mapToDouble(OcrLine::confidence).min().orElse(0) / 100;
      String joined = String.join(" ", frame.stream().map(OcrLine::text).toList());
      add(proposals, seen, joined, confidence);
      add(proposals, seen, frame.get(0).text(), frame.get(0).confidence() / 100);
    }
    return proposals.subList(0, Math.min(MAX, proposals.size()));
  }

  private static void add(List<TitleProposal> proposals, Set<String> seen, String text, double confidence) {
    String key = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    if (key.replaceAll("[^\\p{L}]", "").length() >= 2 && seen.add(key)) {
      proposals.add(new TitleProposal(text, null, null, "ocr", confidence));
    }
  }
}
