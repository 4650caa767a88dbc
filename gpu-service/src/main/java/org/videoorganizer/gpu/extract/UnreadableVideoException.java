package org.videoorganizer.gpu.extract;

import java.nio.file.Path;

/** The file cannot be opened as a video at all (not a container FFmpeg knows, truncated header, gone). */
public final class UnreadableVideoException extends Exception {

  private final Path file;

  public UnreadableVideoException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
