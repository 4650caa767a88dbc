package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hook between the organize step and a library on an rclone remote: organize writes a unit
 * (a video, its sidecars and NFOs) into the local tree {@code data_dir/library-staging} as if it
 * were the library, then calls {@link #afterOrganize}, which publishes the unit's files to the
 * remote under the same relative paths with {@link RemoteLibraryPublisher} (temporary name,
 * verified, moved into place without overwriting, journaled). {@link #recover} runs once at
 * daemon start, before the first organize, and finishes what a crash left.
 *
 * <p>Not called by the daemon yet: the organize step is being rewritten (branch orgcore2); the
 * call belongs right after a unit's files are placed and before its rows are written.
 */
public final class RemoteLibrary implements AutoCloseable {

  private final Path stagingRoot;
  private final RemoteLibraryPublisher publisher;

  /**
   * @param stagingRoot the local tree organize writes into (the {@code library} it is given)
   * @param libraryFs the library as an rclone path, {@code storagebox:media}
   * @param journal the publish journal under {@code data_dir}
   */
  public RemoteLibrary(RcdSupervisor rcd, Path stagingRoot, String libraryFs, Path journal) throws IOException {
    this.stagingRoot = stagingRoot.toAbsolutePath().normalize();
    this.publisher = new RemoteLibraryPublisher(rcd, libraryFs, journal);
  }

  /**
   * Publishes one organized unit. {@code unit} names it stably across retries (the video id);
   * every file must lie under the staging root. Safe to call again for the same unit: files
   * already placed are recognized and not uploaded twice.
   */
  public PublishResult afterOrganize(String unit, List<Path> placed) throws IOException {
    List<RemoteLibraryPublisher.Item> items = new ArrayList<>();
    for (Path file : placed) {
      Path abs = file.toAbsolutePath().normalize();
      if (!abs.startsWith(stagingRoot) || abs.equals(stagingRoot)) {
        throw new IllegalArgumentException("unit " + unit + ": " + file + " is not under the library staging tree " + stagingRoot);
      }
      items.add(new RemoteLibraryPublisher.Item(abs, stagingRoot.relativize(abs).toString().replace('\\', '/')));
    }
    return publisher.publish(unit, items);
  }

  /** Resumes every unit a crash or a dropped connection left unfinished; call at start. */
  public List<PublishResult> recover() throws IOException {
    return publisher.recover();
  }

  @Override
  public void close() throws IOException {
    publisher.close();
  }
}
