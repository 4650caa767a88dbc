package org.videoorganizer.gpu.remote;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.videoorganizer.gpu.cost.Usage;

/** The question put to vision models and the reading of their JSON answer, shared by every protocol. */
final class VisionPrompt {

  static final String SYSTEM = "You identify videos for a media library. Answer with one JSON object and nothing else: "
      + "{\"title_text\": the film or show title shown or recognised, or null; "
      + "\"content_type\": one of movie, episode, home_video, documentary, other; "
      + "\"year\": the release year if known, or null; "
      + "\"description\": one or two sentences on what the video shows; "
      + "\"confidence\": 0 to 1}.";

  private VisionPrompt() {}

  static String question(int frames, String hints) {
    return frames + " key frames sampled over the whole video, in time order. " + hints;
  }

  /** Reads the model's answer; a missing or non-JSON answer is a rejection, not an outage. */
  static VisualAnalysis read(String backend, String content, Usage usage) throws BackendRejectedException {
    if (content == null) {
      throw new BackendRejectedException(backend, "the answer has no message content");
    }
    int start = content.indexOf('{');
    int end = content.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw new BackendRejectedException(backend, "the answer is not JSON: " + HttpCalls.excerpt(content));
    }
    try {
      JsonObject json = new JsonObject(content.substring(start, end + 1));
      Object year = json.getValue("year");
      return new VisualAnalysis(blank(json.getValue("title_text")), blank(json.getValue("content_type")),
          year instanceof Number n ? Integer.valueOf(n.intValue()) : parseYear(year), blank(json.getValue("description")),
          json.getValue("confidence") instanceof Number c ? c.doubleValue() : 0, usage);
    } catch (DecodeException e) {
      throw new BackendRejectedException(backend, "the answer is not JSON: " + HttpCalls.excerpt(content));
    }
  }

  private static Integer parseYear(Object value) {
    return value instanceof String s && s.strip().matches("\\d{4}") ? Integer.valueOf(s.strip()) : null;
  }

  private static String blank(Object value) {
    return value instanceof String s && !s.isBlank() && !s.equalsIgnoreCase("null") ? s.strip() : null;
  }
}
