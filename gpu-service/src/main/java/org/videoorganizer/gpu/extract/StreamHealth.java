package org.videoorganizer.gpu.extract;

import java.util.List;
import java.util.Optional;

/**
 * The result of decoding sampled windows of a video: whole, or damaged with the reason.
 *
 * @param windowsChecked how many windows were decoded
 * @param framesDecoded pictures and sound frames decoded over all windows
 * @param damage the reason the streams are unusable, or empty when they decoded cleanly
 * @param errors FFmpeg's own error lines (at most 10), for the evidence
 */
public record StreamHealth(int windowsChecked, int framesDecoded, Optional<String> damage, List<String> errors) {

  public StreamHealth {
    errors = List.copyOf(errors);
  }

  public boolean damaged() {
    return damage.isPresent();
  }
}
