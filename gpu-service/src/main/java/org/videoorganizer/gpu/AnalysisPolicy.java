package org.videoorganizer.gpu;

import java.util.Optional;
import org.videoorganizer.core.match.MatchResult;
import org.videoorganizer.core.parse.ParsedName;

/**
 * Which videos are worth looking inside: only those whose name is not enough, unless
 * {@code always} is set. Analysis costs CPU seconds locally and money remotely, so a confident
 * name match is never analysed.
 */
public record AnalysisPolicy(boolean always) {

  public static final AnalysisPolicy WHEN_NEEDED = new AnalysisPolicy(false);

  /** Why this video should be analysed, or empty when its name is enough. */
  public Optional<String> reason(ParsedName name, MatchResult byName) {
    if (always) {
      return Optional.of("analysis is configured for every video");
    }
    return switch (byName) {
      case MatchResult.Matched m -> Optional.empty();
      case MatchResult.Review r -> Optional.of("the name match needs review: " + r.reason());
      case MatchResult.NoMatch n -> Optional.of(name.title() == null || name.title().isBlank()
          ? "the name gives no title (camera or generic name)" : "nothing on TMDB matches the name: " + n.reason());
    };
  }
}
