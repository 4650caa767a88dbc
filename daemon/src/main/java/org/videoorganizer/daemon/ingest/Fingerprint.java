package org.videoorganizer.daemon.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import net.jpountz.xxhash.StreamingXXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Content fingerprints with xxHash64 (lz4-java): a quick one over the size and three 64 KiB
 * samples (start, middle, end) to spot candidates cheaply, and a full one over every byte,
 * which decides duplicates. Opens without following symlinks.
 */
public final class Fingerprint {

  static final int SAMPLE = 64 * 1024;
  private static final int BUFFER = 1024 * 1024;
  private static final long SEED = 0x766f7267L;
  private static final XXHashFactory HASHES = XXHashFactory.fastestInstance();

  private Fingerprint() {}

  /** The two hashes of a file, as 16 hex digits each, and the size they cover. */
  public record Hashes(String quick, String full, long size) {}

  public static Hashes of(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = ch.size();
      String quick = quick(ch, size);
      String full = full(ch, size);
      return new Hashes(quick, full, size);
    }
  }

  /** Only the quick hash: size plus start, middle and end samples. */
  public static String quick(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      return quick(ch, ch.size());
    }
  }

  static String quick(FileChannel ch, long size) throws IOException {
    try (StreamingXXHash64 h = HASHES.newStreamingHash64(SEED)) {
      byte[] sizeBytes = ByteBuffer.allocate(8).putLong(size).array();
      h.update(sizeBytes, 0, 8);
      byte[] buf = new byte[SAMPLE];
      for (long at : new long[] {0, Math.max(0, size / 2 - SAMPLE / 2), Math.max(0, size - SAMPLE)}) {
        int n = readAt(ch, buf, at, (int) Math.min(SAMPLE, size));
        h.update(buf, 0, n);
      }
      return hex(h.getValue());
    }
  }

  static String full(FileChannel ch, long size) throws IOException {
    try (StreamingXXHash64 h = HASHES.newStreamingHash64(SEED)) {
      byte[] buf = new byte[BUFFER];
      ByteBuffer wrap = ByteBuffer.wrap(buf);
      long position = 0;
      while (true) {
        wrap.clear();
        int n = ch.read(wrap, position);
        if (n < 0) {
          break;
        }
        h.update(buf, 0, n);
        position += n;
      }
      if (position != size) {
        throw new IOException("file changed size while hashing: expected " + size + " bytes, read " + position);
      }
      return hex(h.getValue());
    }
  }

  private static int readAt(FileChannel ch, byte[] buf, long at, int len) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(buf, 0, len);
    long pos = at;
    while (b.hasRemaining()) {
      int n = ch.read(b, pos);
      if (n < 0) {
        break;
      }
      pos += n;
    }
    return b.position();
  }

  /** Which xxHash implementation runs (JNI, unsafe Java or safe Java), for the benchmark. */
  public static String implementation() {
    return HASHES.toString();
  }

  private static String hex(long value) {
    return HexFormat.of().toHexDigits(value);
  }
}
