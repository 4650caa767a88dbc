package org.videoorganizer.daemon.organize;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.videoorganizer.daemon.organize.FileResult.Outcome;

/**
 * The counts of a run, by outcome, and the bytes that reached the library.
 *
 * @param journal the run's journal, for {@code vorg undo}
 */
public record Summary(Map<Outcome, Integer> counts, long bytes, Path journal) {

  public Summary {
    counts = Map.copyOf(counts);
  }

  public int count(Outcome o) {
    return counts.getOrDefault(o, 0);
  }

  /** Files that could not be organized because something went wrong (not skips or reviews). */
  public boolean anyFailed() {
    return count(Outcome.FAILED) > 0;
  }

  @Override
  public String toString() {
    String nfos = count(Outcome.WRITTEN) == 0 ? "" : ", NFO written " + count(Outcome.WRITTEN);
    return String.format("moved %d, copied %d, linked %d, already there %d, skipped %d, review %d, failed %d%s; %s",
        count(Outcome.MOVED), count(Outcome.COPIED), count(Outcome.LINKED), count(Outcome.ALREADY_THERE),
        count(Outcome.SKIPPED), count(Outcome.REVIEW), count(Outcome.FAILED), nfos, human(bytes));
  }

  /** A byte count for people: 512 B, 1.5 KB, 3.2 GB. */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
    return String.format("%.1f %sB", bytes / (double) (1L << (unit * 10)), " KMGTPE".charAt(unit));
  }

  /** Adds results up. */
  static final class Counter {
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private long bytes;

    void add(FileResult r) {
      counts.merge(r.outcome(), 1, Integer::sum);
      bytes += r.bytes();
    }

    Summary summary(Path journal) {
      return new Summary(counts, bytes, journal);
    }
  }
}
