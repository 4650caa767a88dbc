package org.videoorganizer.daemon.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.organize.FileResult;
import org.videoorganizer.daemon.organize.Journal;
import org.videoorganizer.daemon.organize.MoverHook;
import org.videoorganizer.daemon.plan.PlannedUnit;
import org.videoorganizer.daemon.organize.SafeMover;
import org.videoorganizer.daemon.organize.TransferMode;

/**
 * One {@link SafeMover} and journal per source for the life of this daemon. The mover is not
 * thread-safe, so units of one source are carried out one at a time; each is forced to disk
 * before the database records it.
 */
final class Movers implements AutoCloseable {

  private record Entry(SafeMover mover, Journal journal) {}

  private final Path library;
  private final TransferMode mode;
  private final Clock clock;
  private final Map<Path, Entry> bySource = new HashMap<>();

  Movers(Path library, VorgConfig.TransferMode mode, Clock clock) {
    this.library = library;
    this.mode = TransferMode.valueOf(mode.name());
    this.clock = clock;
  }

  boolean keepsSource() {
    return mode != TransferMode.MOVE;
  }

  List<FileResult> carryOut(Path sourceRoot, PlannedUnit unit) throws IOException {
    Entry e = entry(sourceRoot);
    synchronized (e) {
      List<FileResult> results = e.mover().carryOut(unit, mode);
      e.mover().flush();
      return results;
    }
  }

  private synchronized Entry entry(Path sourceRoot) {
    return bySource.computeIfAbsent(sourceRoot, root -> {
      try {
        Journal journal = Journal.create(library, root, mode, clock);
        return new Entry(new SafeMover(root, journal, MoverHook.NONE), journal);
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot start the organize journal in " + library, ex);
      }
    });
  }

  @Override
  public synchronized void close() {
    for (Entry e : bySource.values()) {
      try {
        e.journal().close();
      } catch (IOException ex) {
        org.slf4j.LoggerFactory.getLogger(Movers.class).warn("closing an organize journal: {}", ex.toString());
      }
    }
    bySource.clear();
  }
}
