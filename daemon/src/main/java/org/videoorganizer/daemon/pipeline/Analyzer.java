package org.videoorganizer.daemon.pipeline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Content analysis (key frames, audio, OCR, vision models) for videos whose name is not enough.
 * Pluggable: until gpu-service is wired in, {@link #NONE} analyzes nothing and the video goes on.
 */
public interface Analyzer {

  /** A JSON result to store in analysis_results, or empty when there was nothing to analyze. */
  Optional<String> analyze(Path video) throws Exception;

  /** Analyzes nothing. */
  Analyzer NONE = video -> Optional.empty();
}
