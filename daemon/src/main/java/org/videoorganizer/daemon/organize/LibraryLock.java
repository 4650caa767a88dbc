package org.videoorganizer.daemon.organize;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One organizing run per library at a time ({@code <library>/.vorg/organize.lock}, an OS file
 * lock that dies with its process). Recovery removes the temporary copies of unfinished runs,
 * which is only safe when no other run is still writing them.
 */
public final class LibraryLock implements Closeable {

  private final FileChannel channel;
  private final FileLock lock;

  private LibraryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of a library.
   *
   * @throws IllegalStateException when another process holds it
   */
  public static LibraryLock take(Path library) throws IOException {
    Path file = library.resolve(".vorg/organize.lock");
    Files.createDirectories(file.getParent());
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException heldInThisProcess) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new IllegalStateException("another vorg run is organizing into " + library + " (it holds " + file
          + "); wait for it to finish");
    }
    return new LibraryLock(ch, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
