package org.videoorganizer.daemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

  @TempDir Path dir;

  private Path file(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void theSameBytesUnderAnotherNameGiveTheSameHashes() throws IOException {
    byte[] bytes = random(3 * 1024 * 1024 + 17, 1);
    assertThat(Fingerprint.of(file("a.mkv", bytes))).isEqualTo(Fingerprint.of(file("b.mkv", bytes)));
  }

  @Test
  void oneChangedByteInTheMiddleChangesTheFullHash() throws IOException {
    byte[] bytes = random(5 * 1024 * 1024, 2);
    Fingerprint.Hashes a = Fingerprint.of(file("a.mkv", bytes));
    bytes[1024 * 1024 + 5] ^= 1; // outside the quick hash's samples
    Fingerprint.Hashes b = Fingerprint.of(file("b.mkv", bytes));
    assertThat(b.quick()).isEqualTo(a.quick());
    assertThat(b.full()).isNotEqualTo(a.full());
  }

  @Test
  void filesSmallerThanASampleAndEmptyFilesHashToo() throws IOException {
    assertThat(Fingerprint.of(file("tiny", new byte[] {1, 2, 3})).size()).isEqualTo(3);
    assertThat(Fingerprint.of(file("empty", new byte[0])).full()).hasSize(16);
  }

  @Test
  void theQuickHashSeesTheSize() throws IOException {
    assertThat(Fingerprint.quick(file("a", new byte[10]))).isNotEqualTo(Fingerprint.quick(file("b", new byte[11])));
  }
}
