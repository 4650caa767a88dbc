package org.videoorganizer.daemon.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The rclone part of the configuration (YAML {@code rclone:}), mapped by the config module.
 *
 * @param binary the rclone executable ({@code rclone} on the PATH by default)
 * @param configFile the user's rclone.conf; empty means rclone's own default
 * @param bwlimit rclone {@code --bwlimit} value, e.g. {@code "10M"}; empty for none
 * @param transfers rclone {@code --transfers}, at least 1
 * @param callTimeout how long one rc call (a whole file copy) may take before it is given up
 */
public record RcloneSettings(
    String binary, Optional<Path> configFile, Optional<String> bwlimit, int transfers, Duration callTimeout) {

  /** The oldest rclone we drive: Debian 12's. */
  public static final int[] MIN_VERSION = {1, 60, 0};

  public RcloneSettings {
    if (transfers < 1) {
      throw new IllegalArgumentException("rclone.transfers must be at least 1, was " + transfers);
    }
  }

  public static RcloneSettings defaults() {
    return new RcloneSettings("rclone", Optional.empty(), Optional.empty(), 4, Duration.ofHours(6));
  }

  public RcloneSettings withConfigFile(Path file) {
    return new RcloneSettings(binary, Optional.of(file), bwlimit, transfers, callTimeout);
  }

  public RcloneSettings withBinary(String b) {
    return new RcloneSettings(b, configFile, bwlimit, transfers, callTimeout);
  }

  public RcloneSettings withBwlimit(String limit) {
    return new RcloneSettings(binary, configFile, Optional.of(limit), transfers, callTimeout);
  }
}
