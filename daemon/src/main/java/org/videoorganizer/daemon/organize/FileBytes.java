package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Copies and verifies files, checksums them, and compares them byte for byte.
 *
 * <p>A copy goes through one buffer of {@link #CHUNK} at a time, on the calling thread: the
 * source's bytes are read once into it and their CRC-32C taken, written to the copy, and read back
 * from the copy into a second buffer and compared with the first. The chunk is small enough to
 * stay in the CPU cache from the read to the comparison, so the check costs little next to the
 * copy itself; the copy is forced to disk once, at the end. Measured against {@code cp} in
 * docs/organize.md ("Benchmark"): the earlier kernel copy with a second thread re-reading both
 * files cost a whole extra read of each side, and lost the second core to other work.
 */
final class FileBytes {

  /** Read buffer of {@link #sameBytes}. */
  static final int BUFFER = 128 * 1024;
  /** What one step of a copy reads, writes and compares: small enough to stay in the CPU cache. */
  static final int CHUNK = 1 << 20;

  private FileBytes() {}

  /** What a copy read: its length and the CRC-32C of the bytes. */
  record Copied(long size, long crc) {}

  /**
   * A finished copy: what was read from the source, whether the copy held the same bytes when
   * they were compared, and the copy's state right after it was forced to disk (a later change
   * of the copy shows as a different state).
   */
  record Checked(Copied source, boolean same, FileState copyState) {}

  /**
   * Copies {@code source} into the new file {@code temp}, compares each chunk of the copy with
   * the source's bytes right after writing it, forces the copy to disk and returns what was
   * compared. {@code midCopy} runs once after the first chunk was written and before it is
   * compared.
   */
  static Checked copy(Path source, Path temp, Runnable midCopy) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            StandardOpenOption.READ)) {
      ByteBuffer read = ByteBuffer.allocateDirect(CHUNK);
      ByteBuffer back = ByteBuffer.allocateDirect(CHUNK);
      CRC32C crc = new CRC32C();
      boolean same = true;
      boolean first = true;
      long pos = 0;
      while (true) {
        int n = fill(in, read.clear(), pos);
        if (n <= 0) {
          break; // the end, or the source shrank meanwhile: the caller sees it in the source's state
        }
        read.flip();
        crc.update(read.duplicate());
        for (ByteBuffer w = read.duplicate(); w.hasRemaining(); ) {
          out.write(w, pos + w.position());
        }
        if (first) {
          midCopy.run();
          first = false;
        }
        int m = fill(out, back.clear().limit(n), pos);
        if (m != n || read.mismatch(back.flip()) >= 0) {
          same = false;
        }
        pos += n;
      }
      if (first) {
        midCopy.run(); // an empty source: nothing to compare, the hook still runs once
      }
      out.force(true);
      return new Checked(new Copied(pos, crc.getValue()), same && out.size() == pos, FileState.of(temp));
    }
  }

  private static int fill(FileChannel c, ByteBuffer buf, long at) throws IOException {
    int total = 0;
    while (buf.hasRemaining()) {
      int n = c.read(buf, at + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
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
