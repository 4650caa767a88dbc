package org.videoorganizer.gpu;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A descriptive title for a home video, for its place under {@code Other/}: the date, then the
 * first sentence of the vision model's description, at most 60 characters, e.g.
 * {@code 2019-07-14 Children playing on a beach in summer}. The daemon's naming makes it
 * filesystem-safe.
 */
public final class HomeVideoTitle {

  static final int MAX = 60;

  private HomeVideoTitle() {}

  /** Only for reports whose vision model called the video a home video and described it. */
  public static Optional<String> of(AnalysisReport report, LocalDate date) {
    if (!report.contentType().map("home_video"::equals).orElse(false) || report.description().isEmpty()) {
      return Optional.empty();
    }
    String sentence = report.description().get().strip().split("(?<=[.!?])\\s+")[0].replaceAll("[.!?]+$", "");
    if (sentence.length() > MAX) {
      int cut = sentence.lastIndexOf(' ', MAX);
      sentence = sentence.substring(0, cut > 20 ? cut : MAX);
    }
    return sentence.isBlank() ? Optional.empty() : Optional.of(date + " " + sentence);
  }
}
