package org.videoorganizer.core.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * TMDB error answers ({"status_code":7,"status_message":"..."} or {"errors":["..."]}) turned
 * into exceptions whose message says what happened and what to do.
 */
final class ErrorAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorAnswers() {}

  static TmdbException toException(HttpResponse<String> response, String path, String attempts) {
    int status = response.statusCode();
    String detail = detail(response.body());
    return switch (status) {
      case 401 -> new TmdbException(TmdbException.Kind.AUTH, status,
          "TMDB rejected the API key (401" + detail + ") on " + path
              + "; check VORG_TMDB_API_KEY or VORG_TMDB_TOKEN");
      case 404 -> new TmdbException(TmdbException.Kind.NOT_FOUND, status,
          "TMDB has no such resource (404" + detail + "): " + path);
      case 429 -> new TmdbException(TmdbException.Kind.RATE_LIMITED, status,
          "TMDB kept refusing with its rate limit (429" + detail + ") after " + attempts
              + " on " + path + "; lower the rate budget or try later");
      default -> status >= 500
          ? new TmdbException(TmdbException.Kind.SERVER, status,
              "TMDB failed with " + status + detail + " after " + attempts + " on " + path)
          : new TmdbException(TmdbException.Kind.BAD_REQUEST, status,
              "TMDB refused the request with " + status + detail + " on " + path);
    };
  }

  /** ", code 7: Invalid API key..." or "" when the body says nothing usable. */
  static String detail(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.hasNonNull("status_message")) {
        return ", code " + node.path("status_code").asInt() + ": "
            + node.get("status_message").asText();
      }
      if (node != null && node.path("errors").isArray() && !node.get("errors").isEmpty()) {
        return ": " + node.get("errors").get(0).asText();
      }
    } catch (IOException e) {
      // not JSON: fall through to a short excerpt
    }
    String excerpt = body.strip();
    return ": " + (excerpt.length() > 80 ? excerpt.substring(0, 80) + "..." : excerpt);
  }
}
