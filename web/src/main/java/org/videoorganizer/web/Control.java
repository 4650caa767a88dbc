package org.videoorganizer.web;

import java.util.Optional;

/**
 * A manual control: {@code retry} (a failed or rejected video), {@code rescan} (a source),
 * {@code pause} and {@code resume} (the pipeline), {@code reannounce} and {@code undo} (an
 * organized video).
 */
public record Control(String action, Optional<Long> videoId, Optional<String> source) {

  public Control {
    switch (action) {
      case "retry", "reannounce", "undo" -> {
        if (videoId.isEmpty()) {
          throw WebProblem.badRequest(action + " needs a video id");
        }
      }
      case "rescan" -> {
        if (source.isEmpty()) {
          throw WebProblem.badRequest("rescan needs a source name");
        }
      }
      case "pause", "resume" -> { }
      default -> throw WebProblem.badRequest("no control named '" + action
          + "'; one of retry, rescan, pause, resume, reannounce, undo");
    }
  }
}
