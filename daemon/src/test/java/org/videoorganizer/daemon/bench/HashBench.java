package org.videoorganizer.daemon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.ingest.Fingerprint;

/**
 * Hash throughput on page-cached data: the full xxHash64 fingerprint of a 1 GiB file (size via
 * -Dvorg.bench.mib), best of five runs after a warm-up. Prints "BENCH hash ..."; asserts nothing
 * about time (the figure is read by a person against the goal of 1 GB/s).
 */
@Tag("slow")
class HashBench {

  @TempDir Path dir;

  @Test
  void fullFingerprintThroughput() throws IOException {
    int mib = Integer.getInteger("vorg.bench.mib", 1024);
    Path file = dir.resolve("big.bin");
    byte[] block = new byte[1 << 20];
    new Random(1).nextBytes(block);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < mib; i++) {
        block[0] = (byte) i;
        out.write(block);
      }
    }
    String first = Fingerprint.of(file).full(); // warm-up, and the file is now page-cached
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      assertThat(Fingerprint.of(file).full()).isEqualTo(first);
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    double quickMs = Double.MAX_VALUE;
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      Fingerprint.quick(file);
      quickMs = Math.min(quickMs, (System.nanoTime() - t0) / 1e6);
    }
    System.out.printf("BENCH hash full=%.2f GB/s (%d MiB in %.3f s, %s) quick=%.2f ms per file%n",
        mib * 1048576.0 / best / 1e9, mib, best, Fingerprint.implementation(), quickMs);
  }
}
