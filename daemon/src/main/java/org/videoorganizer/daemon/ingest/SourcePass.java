package org.videoorganizer.daemon.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.config.VorgConfig.SourceConfig;
import org.videoorganizer.daemon.store.VideoState;
import org.videoorganizer.daemon.store.VideoStore;

/**
 * One scan of one source: record what became stable, reject the unusable, mark the gone, report
 * what keeps changing for too long. A source whose mount marker is missing is not scanned, so
 * nothing in it is marked gone.
 */
final class SourcePass {

  private static final Logger log = LoggerFactory.getLogger(SourcePass.class);
  private static final String ZERO_BYTES = "a zero-byte file (an unfinished download or a cloud placeholder)";

  private final VideoStore store;
  private final SourceConfig source;
  private final Stability stability;
  private final LongConsumer ring;
  private final Clock clock;
  private final Duration maxUnstable;

  /**
   * {@code clock} dates the sightings of files that are not yet stable (kept in the database, so
   * a restart does not reset them); one seen changing for {@code maxUnstable} is reported.
   */
  SourcePass(VideoStore store, SourceConfig source, Stability stability, LongConsumer ring, Clock clock,
      Duration maxUnstable) {
    this.store = store;
    this.source = source;
    this.stability = stability;
    this.ring = ring;
    this.clock = clock;
    this.maxUnstable = maxUnstable;
  }

  /** What one pass left: files still waiting to become stable, and the scan's problem if any. */
  record Result(int waiting, Optional<String> error) {}

  /** Scans once; a scan problem is logged only when it differs from {@code lastError}. */
  Result run(Optional<String> lastError) {
    var listedAt = Blocking.await(store.clock());
    SourceScanner.Scan scan = scan();
    if (!scan.error().equals(lastError)) {
      scan.error().ifPresentOrElse(e -> log.warn("source {}: {}", source.name(), e),
          () -> log.info("source {}: scans work again", source.name()));
    }
    Map<String, VideoStore.Known> known = Blocking.await(store.activePaths(source.name()));
    List<Candidate> waiting = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Candidate c : scan.candidates()) {
      seen.add(c.relPath());
      VideoStore.Known k = known.get(c.relPath());
      if (k != null && k.size() == c.size() && k.mtimeMs() == c.mtimeMs()) {
        retryIfReadableAgain(k, c);
        continue;
      }
      if (!record(c)) {
        waiting.add(c);
      }
    }
    stability.retainOnly(waiting.stream().map(Candidate::relPath).collect(Collectors.toSet()));
    reportStillChanging(waiting, scan.complete());
    if (scan.complete()) {
      int gone = Blocking.await(store.markGone(source.name(), seen, listedAt));
      if (gone > 0) {
        log.info("source {}: {} file(s) no longer there", source.name(), gone);
      }
    }
    Blocking.await(store.recordScan(source.name(), scan.candidates().size(), scan.error(), scan.available()));
    return new Result(waiting.size(), scan.error());
  }

  /**
   * Keeps the sightings of the files still waiting and logs, once each, those seen changing for
   * longer than the limit. They are not rejected: each is taken as soon as it is stable.
   */
  private void reportStillChanging(List<Candidate> waiting, boolean complete) {
    List<VideoStore.Waiting> seen = waiting.stream()
        .map(c -> new VideoStore.Waiting(c.relPath(), c.display(), c.size(), c.mtimeMs())).toList();
    for (VideoStore.Unstable u : Blocking.await(store.trackWaiting(source.name(), seen, complete, clock.instant(), maxUnstable))) {
      log.warn("source {}: {} is {}", source.name(), u.display(), u.reason());
    }
  }

  /** The walk, unless the source's mount is down before or after it (then nothing was seen). */
  private SourceScanner.Scan scan() {
    Optional<SourceScanner.Scan> down = unmounted();
    if (down.isPresent()) {
      return down.get();
    }
    SourceScanner.Scan scan = SourceScanner.scan(source.path());
    // Checked again: a mount that dropped during the walk left an empty folder behind, and files
    // missing from that walk must not be marked gone.
    return unmounted().orElse(scan);
  }

  private Optional<SourceScanner.Scan> unmounted() {
    return MountCheck.problem("the source folder", source.path(), source.marker())
        .map(why -> SourceScanner.Scan.unavailable(why + "; not scanned until it is back"));
  }

  /**
   * A file rejected as unreadable whose permissions were fixed goes through the flow again. (On a
   * file system where access(2) says yes but open(2) still fails, this retries once per scan.)
   */
  private void retryIfReadableAgain(VideoStore.Known k, Candidate c) {
    if (c.importable() && k.state() == VideoState.REJECTED && k.reason().equals(Optional.of(Ingestor.UNREADABLE))) {
      Optional<Long> job = Blocking.await(store.retry(k.id()));
      job.ifPresent(id -> {
        log.info("source {}: {} is readable now; taking it again", source.name(), c.display());
        ring.accept(id);
      });
    }
  }

  /**
   * True when the candidate was recorded (queued or rejected); false while it is not stable. A
   * link, a pipe or a bad name is rejected at once; an empty or unreadable file only once stable,
   * since a download in progress may be either for a while.
   */
  private boolean record(Candidate c) {
    boolean waitsForStability = c.importable() || c.problem().equals(Ingestor.UNREADABLE);
    if (waitsForStability && !stability.observe(c.relPath(), c.size(), c.mtimeMs())) {
      return false;
    }
    String problem = c.importable() && c.size() == 0 ? ZERO_BYTES : c.problem();
    if (!problem.isEmpty()) {
      if (Blocking.await(store.reject(source.name(), c.relPath(), c.display(), c.size(), c.mtimeMs(), problem))) {
        log.warn("source {}: rejected {}: {}", source.name(), c.display(), problem);
      }
      return true;
    }
    Optional<Long> job = Blocking.await(store.discover(source.name(), c.relPath(), c.display(), c.size(), c.mtimeMs()));
    job.ifPresent(ring::accept);
    return true;
  }
}
