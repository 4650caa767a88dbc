package org.videoorganizer.web;

import java.util.Optional;

/**
 * A page of the videos list: optional filters, the keyset cursor of the previous page ({@code
 * after}, opaque, as the last page's {@code next}) and the page size.
 */
public record VideoFilter(Optional<String> state, Optional<String> source, Optional<String> type,
    Optional<String> text, Optional<String> after, int limit) {

  public static final int MAX_LIMIT = 200;

  public VideoFilter {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw WebProblem.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    state = blankToEmpty(state);
    source = blankToEmpty(source);
    type = blankToEmpty(type);
    text = blankToEmpty(text);
    after = blankToEmpty(after);
  }

  private static Optional<String> blankToEmpty(Optional<String> v) {
    return v.map(String::strip).filter(s -> !s.isEmpty());
  }
}
