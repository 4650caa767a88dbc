package org.videoorganizer.daemon.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.config.VorgConfig.IngestConfig;
import org.videoorganizer.config.VorgConfig.SourceConfig;
import org.videoorganizer.daemon.source.FileKinds;
import org.videoorganizer.daemon.store.VideoStore;

/**
 * Ingestion's entry point: watches every source (file-system events where they work, plus a
 * periodic rescan), records each complete video once, rejects what can never be imported with a
 * reason, reports files that keep changing for longer than {@code ingest.max_unstable_minutes},
 * and rings the doorbell for each queued job.
 *
 * <p>One virtual thread per source scans, then waits on its semaphore (a file-system event,
 * {@link #rescan}) or until the next rescan; a stop interrupts it. Time decisions (the stability
 * window, sightings, slow scans) read the injected {@link Clock}.
 */
public final class Ingestor {

  private static final Logger log = LoggerFactory.getLogger(Ingestor.class);
  // After a wake, how long a burst of file-system events may go on before the scan.
  private static final Duration SETTLE = Duration.ofMillis(100);

  /**
   * The reason a video the daemon may not read is rejected with. Such a rejection is the only
   * one that is undone by itself: a later scan that finds the file readable queues it again.
   */
  public static final String UNREADABLE =
      "permission denied: the daemon cannot read this file; it is taken again once it is readable";

  /** Whether a scan takes a file of this name as a video (a video extension, not a temporary name). */
  public static boolean isVideoName(String fileName) {
    return FileKinds.isFinishedVideo(fileName);
  }

  private final VideoStore store;
  private final List<SourceConfig> sources;
  private final IngestConfig config;
  private final LongConsumer ring;
  private final Map<String, Integer> waiting = new ConcurrentHashMap<>();
  private final Map<String, java.time.Instant> scanning = new ConcurrentHashMap<>();
  private final List<SourceLoop> loops = new ArrayList<>();
  private final Clock clock;
  private Optional<Watcher> watcher = Optional.empty();

  public Ingestor(VideoStore store, List<SourceConfig> sources, IngestConfig config, LongConsumer ring, Clock clock) {
    this.clock = clock;
    this.store = store;
    this.sources = List.copyOf(sources);
    this.config = config;
    this.ring = ring;
  }

  public void start() {
    for (SourceConfig source : sources) {
      Blocking.await(store.upsertSource(source.name(), source.path().toString()));
      loops.add(new SourceLoop(source));
    }
    if (config.watchEvents()) {
      watcher = Watcher.start(loops.stream().collect(java.util.stream.Collectors.toMap(l -> l.source.path(), l -> (Runnable) l::wake)));
    }
    loops.forEach(SourceLoop::start);
  }

  public void stop() {
    watcher.ifPresent(Watcher::close);
    loops.forEach(SourceLoop::stop);
  }

  /** Scans {@code source} now instead of at its next turn; false when there is no such source. */
  public boolean rescan(String source) {
    boolean found = false;
    for (SourceLoop l : loops) {
      if (l.source.name().equals(source)) {
        l.wake();
        found = true;
      }
    }
    return found;
  }

  /** Files per source that are not yet stable (still growing, or inside the window). */
  public Map<String, Integer> waiting() {
    return Map.copyOf(waiting);
  }

  /**
   * Sources whose current scan has run longer than {@code limit}, with its seconds so far: a walk
   * that hangs (a network mount that stopped answering mid-walk) shows here instead of only as
   * an old {@code last_scan_at}.
   */
  public Map<String, Long> slowScans(Duration limit) {
    java.time.Instant now = clock.instant();
    Map<String, Long> out = new java.util.TreeMap<>();
    scanning.forEach((name, since) -> {
      Duration d = Duration.between(since, now);
      if (d.compareTo(limit) > 0) {
        out.put(name, d.toSeconds());
      }
    });
    return out;
  }

  private final class SourceLoop {
    final SourceConfig source;
    final Stability stability = new Stability(Duration.ofSeconds(config.stableSeconds()), clock);
    final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
    final CountDownLatch stopped = new CountDownLatch(1);
    Optional<String> lastError = Optional.empty();
    Thread thread;

    SourceLoop(SourceConfig source) {
      this.source = source;
    }

    void start() {
      thread = Thread.ofVirtual().name("vorg-ingest-" + source.name()).start(this::run);
    }

    void wake() {
      wake.release();
    }

    void stop() {
      stopped.countDown();
      if (thread != null) {
        thread.interrupt();
      }
    }

    private void run() {
      while (stopped.getCount() > 0) {
        int pending;
        try {
          scanning.put(source.name(), clock.instant());
          SourcePass.Result result;
          try {
            result = new SourcePass(store, source, stability, ring, clock, config.maxUnstable()).run(lastError);
          } finally {
            scanning.remove(source.name());
          }
          lastError = result.error();
          pending = result.waiting();
          waiting.put(source.name(), pending);
          if (watcher.isPresent()) {
            watcher.get().register(source.path());
          }
        } catch (RuntimeException e) {
          pending = 0;
          log.warn("scan of source {} failed: {}", source.name(), e.toString());
        }
        long waitMs = pending > 0 ? Math.max(250, config.stableSeconds() * 500L) : config.rescanSeconds() * 1000L;
        try {
          if (wake.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
            if (stopped.await(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) {
              return;
            }
            wake.drainPermits();
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
