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
 * <p>A copy is done by the kernel ({@link FileChannel#transferTo}, which is {@code
 * copy_file_range} or {@code sendfile} on Linux, as {@code cp} does), in chunks of {@link #CHUNK}.
 * A second thread follows one chunk behind: it reads the chunk back from the source and from the
 * copy, compares them byte for byte and takes the CRC-32C of the source's bytes for the journal.
 * So the bytes cross user space twice, on another core, while the kernel copies the next chunk;
 * a copy followed by a read-back of the whole file took twice as long as {@code cp}
 * (docs/organize.md, "Benchmark").
 */
final class FileBytes {

  /** Read buffer of {@link #sameBytes}. */
  static final int BUFFER = 128 * 1024;
  /** Read buffer of the checker: fewer system calls per chunk than {@link #BUFFER}, still in the CPU cache. */
  static final int CHECK_BUFFER = 1 << 20;
  /** What the kernel copies before the checker is told: the checker trails by at most this. */
  static final long CHUNK = 8L << 20;

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
   * Copies {@code source} into the new file {@code temp}, compares the two while copying, forces
   * the copy to disk and returns what was compared. {@code midCopy} runs once after the first
   * chunk was copied and before it is compared.
   */
  static Checked copy(Path source, Path temp, Runnable midCopy) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            StandardOpenOption.READ);
        FileChannel again = FileChannel.open(source, StandardOpenOption.READ)) {
      Checker checker = new Checker(again, out);
      Thread thread = Thread.ofPlatform().name("vorg-copy-check").daemon().start(checker);
      try {
        long size = in.size();
        long pos = 0;
        boolean first = true;
        while (pos < size) {
          long n = in.transferTo(pos, Math.min(CHUNK, size - pos), out);
          if (n <= 0) {
            break; // the source shrank meanwhile: the caller sees it in the source's state
          }
          pos += n;
          if (first) {
            midCopy.run();
            first = false;
          }
          checker.copiedUpTo(pos);
        }
        checker.finish();
        out.force(true);
        join(thread);
      } finally {
        checker.finish();
        if (thread.isAlive()) {
          thread.interrupt();
          join(thread);
        }
      }
      return new Checked(checker.result(), checker.same(), FileState.of(temp));
    }
  }

  private static void join(Thread thread) throws IOException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while a copy was being checked");
    }
  }

  /** Follows a copy, comparing what the kernel wrote with the source, chunk by chunk. */
  private static final class Checker implements Runnable {
    private final FileChannel source;
    private final FileChannel copy;
    private final CRC32C crc = new CRC32C();
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition moved = lock.newCondition();
    private long copiedUpTo;
    private boolean finished;
    private long checked;
    private boolean same = true;
    private IOException failure;

    Checker(FileChannel source, FileChannel copy) {
      this.source = source;
      this.copy = copy;
    }

    void copiedUpTo(long pos) {
      lock.lock();
      try {
        copiedUpTo = pos;
        moved.signal();
      } finally {
        lock.unlock();
      }
    }

    void finish() {
      lock.lock();
      try {
        finished = true;
        moved.signal();
      } finally {
        lock.unlock();
      }
    }

    // How far the copy is; -1 once it finished and everything copied was checked.
    private long await(long from) throws InterruptedException {
      lock.lock();
      try {
        while (copiedUpTo <= from && !finished) {
          moved.await();
        }
        return copiedUpTo > from ? copiedUpTo : -1;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void run() {
      ByteBuffer a = ByteBuffer.allocateDirect(CHECK_BUFFER);
      ByteBuffer b = ByteBuffer.allocateDirect(CHECK_BUFFER);
      try {
        long upTo;
        while ((upTo = await(checked)) >= 0) {
          while (checked < upTo) {
            int want = (int) Math.min(CHECK_BUFFER, upTo - checked);
            int na = fill(source, a.clear().limit(want), checked);
            int nb = fill(copy, b.clear().limit(want), checked);
            a.flip();
            b.flip();
            crc.update(a.duplicate());
            if (na != want || nb != want || a.mismatch(b) >= 0) {
              same = false;
            }
            checked += want;
          }
        }
      } catch (IOException e) {
        failure = e;
      } catch (InterruptedException e) {
        failure = new java.io.InterruptedIOException("the check of a copy was interrupted");
      }
    }

    Copied result() throws IOException {
      if (failure != null) {
        throw failure;
      }
      return new Copied(checked, crc.getValue());
    }

    boolean same() {
      return same && failure == null;
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
