package org.videoorganizer.gpu.testsupport;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Random;

/** Damages a file the way a bad copy does: the container stays whole, stream bytes are overwritten. */
public final class Damage {

  private Damage() {}

  /** Overwrites every other 4 KiB block between {@code from} and {@code to} (fractions of the size) with noise. */
  public static Path overwrite(Path file, double from, double to) throws Exception {
    var random = new Random(7);
    try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
      long size = raf.length();
      byte[] noise = new byte[4096];
      for (long at = (long) (size * from); at < (long) (size * to); at += 8192) {
        random.nextBytes(noise);
        raf.seek(at);
        raf.write(noise, 0, (int) Math.min(noise.length, size - at));
      }
    }
    return file;
  }
}
