package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Copies with a running checksum, checksums, and compares files byte for byte.
 *
 * <p>Buffers are 128 KiB, as {@code cp} uses: a buffer that stays in the CPU's L2 cache makes
 * the read, the CRC-32C and the write each touch cached memory. With 1 MiB buffers and a
 * memory-mapped read-back the same copy ran about a fifth slower (docs/organize.md, "Benchmark").
 */
final class FileBytes {

  static final int BUFFER = 128 * 1024;

  private FileBytes() {}

  /** What a copy read: its length and the CRC-32C of the bytes. */
  record Copied(long size, long crc) {}

  /**
   * Copies {@code source} into the new file {@code temp}, forces it to disk and returns the
   * size and checksum of what was read. {@code midCopy} runs once after the first buffer.
   */
  static Copied copy(Path source, Path temp, Runnable midCopy) throws IOException {
    var crc = new CRC32C();
    long size = 0;
    ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      boolean first = true;
      while (in.read(buf) >= 0) {
        buf.flip();
        crc.update(buf.duplicate());
        size += buf.remaining();
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        buf.clear();
        if (first) {
          midCopy.run();
          first = false;
        }
      }
      out.force(true);
    }
    return new Copied(size, crc.getValue());
  }

  /**
   * What a file holds now, read back in full from a new channel: its length and CRC-32C.
   * Read through the same small buffer as {@link #copy}: faster here than a memory map,
   * whose page faults cost more than the copy into a cached buffer.
   */
  static Copied readBack(Path file) throws IOException {
    var crc = new CRC32C();
    long size = 0;
    ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      while (in.read(buf) >= 0) {
        buf.flip();
        size += buf.remaining();
        crc.update(buf);
        buf.clear();
      }
    }
    return new Copied(size, crc.getValue());
  }

  /** Whether two files hold the same bytes (compared in full, not by checksum). */
  static boolean sameBytes(Path a, Path b) throws IOException {
    try (FileChannel ca = FileChannel.open(a, StandardOpenOption.READ);
        FileChannel cb = FileChannel.open(b, StandardOpenOption.READ)) {
      if (ca.size() != cb.size()) {
        return false;
      }
      ByteBuffer ba = ByteBuffer.allocateDirect(BUFFER);
      ByteBuffer bb = ByteBuffer.allocateDirect(BUFFER);
      while (true) {
        int na = fill(ca, ba);
        int nb = fill(cb, bb);
        if (na != nb || ba.flip().mismatch(bb.flip()) >= 0) {
          return false;
        }
        if (na <= 0) {
          return true;
        }
        ba.clear();
        bb.clear();
      }
    }
  }

  private static int fill(FileChannel c, ByteBuffer buf) throws IOException {
    int total = 0;
    while (buf.hasRemaining()) {
      int n = c.read(buf);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }
}
