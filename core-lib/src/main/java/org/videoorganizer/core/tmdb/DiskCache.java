package org.videoorganizer.core.tmdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answer bodies on disk, one file per request (named by the SHA-256 of the request key), so a
 * second run over the same library asks TMDB almost nothing. A broken or stale file is a miss,
 * never an error; a failed write is logged and forgotten.
 */
final class DiskCache {

  private static final Logger log = LoggerFactory.getLogger(DiskCache.class);

  private final Path dir;
  private final Duration ttl;
  private final Clock clock;

  DiskCache(Path dir, Duration ttl, Clock clock) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException("TMDB disk cache folder cannot be created: " + dir + " (" + e + ")", e);
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalArgumentException("TMDB disk cache folder is not writable: " + dir);
    }
    this.dir = dir;
    this.ttl = ttl;
    this.clock = clock;
  }

  Optional<String> read(String key) {
    Path file = file(key);
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (modified.toInstant().plus(ttl).isBefore(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void write(String key, String body) {
    Path file = file(key);
    Path tmp = dir.resolve("." + file.getFileName() + "." + Thread.currentThread().threadId() + ".tmp");
    try {
      Files.writeString(tmp, body, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      log.warn("cannot write the TMDB disk cache file {}: {}", file, e.toString());
    }
  }

  private Path file(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
