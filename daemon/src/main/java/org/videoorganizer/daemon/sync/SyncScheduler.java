package org.videoorganizer.daemon.sync;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.config.VorgConfig.RcloneConfig;
import org.videoorganizer.config.VorgConfig.RemoteSourceConfig;
import org.videoorganizer.daemon.store.SyncStore;

/**
 * Runs each remote source at start and then on its schedule: list, skip what the library has,
 * download into {@code data_dir/staging/<name>} (which ingest scans as a folder source), and,
 * between runs, link each download to its video and delete cloud originals that are confirmed in
 * the library where the source opted in. rclone is started on the first run; when it is missing,
 * too old or refused, each source's status says so and local sources are not affected.
 */
public final class SyncScheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);
  /** How often downloads are linked to their videos and confirmed originals looked for, between runs. */
  static final Duration FOLLOW_UP = Duration.ofSeconds(5);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
  /** A source's lease outlives its holder by this much; it is renewed at every follow-up and while copying. */
  static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration RENEW_EVERY = Duration.ofSeconds(10);

  private final RcdSupervisor rcd;
  private final SyncStore store;
  private final RemoteSourceRunner runner;
  private final LibraryKnownHashes known;
  private final boolean jellyfinConfirms;
  private final Clock clock;
  private final String configName;
  private final String owner;
  private final Path stagingRoot;
  private final Map<String, Loop> loops = new LinkedHashMap<>();

  private SyncScheduler(RcloneConfig config, Path dataDir, RcdSupervisor rcd, SyncStore store, String owner,
      boolean jellyfinConfirms, Clock clock, Optional<RemoteLibraryFiles> remoteLibrary) {
    this.rcd = rcd;
    this.owner = owner;
    this.stagingRoot = dataDir.resolve("staging");
    this.store = store;
    this.known = new LibraryKnownHashes(store, remoteLibrary);
    this.runner = new RemoteSourceRunner(rcd, dataDir.resolve("staging"), known, store, clock);
    this.jellyfinConfirms = jellyfinConfirms;
    this.clock = clock;
    this.configName = config.configFile().map(Path::toString).orElse("rclone's default rclone.conf");
    for (RemoteSourceConfig r : config.remoteSources()) {
      RemoteSource source = new RemoteSource(r.name(), r.remote(), r.settle(), r.deleteOriginals(), RemoteSource.DEFAULT_HASHES);
      loops.put(r.name(), new Loop(source, r.every()));
    }
  }

  /**
   * The scheduler of the configured remote sources, with their staging folders created (call
   * before ingest starts, so it finds them); empty when there are none.
   *
   * @param rcd the daemon's one rclone ({@link #rcd}); the caller closes it after this
   * @param owner this daemon's id: each source runs only on the daemon holding its lease
   * @param jellyfinConfirms whether "confirmed in the library" waits for Jellyfin's confirmation
   * @param remoteLibrary the files of a library on an rclone remote, which count as "in the library"
   */
  public static Optional<SyncScheduler> create(RcloneConfig config, Path dataDir, RcdSupervisor rcd, SyncStore store,
      String owner, boolean jellyfinConfirms, Clock clock, Optional<RemoteLibraryFiles> remoteLibrary) throws IOException {
    if (config.remoteSources().isEmpty()) {
      return Optional.empty();
    }
    for (RemoteSourceConfig r : config.remoteSources()) {
      Files.createDirectories(dataDir.resolve("staging").resolve(r.name()));
    }
    return Optional.of(new SyncScheduler(config, dataDir, rcd, store, owner, jellyfinConfirms, clock, remoteLibrary));
  }

  /**
   * The daemon's one {@code rclone rcd} (remote sources and a remote library share it: a second
   * one would stop the first as a leftover), logging to {@code data_dir/rclone/rcd.log}; started
   * on first use. Empty when nothing needs rclone.
   */
  public static Optional<RcdSupervisor> rcd(RcloneConfig config, Path dataDir) throws IOException {
    if (!config.needed()) {
      return Optional.empty();
    }
    Files.createDirectories(dataDir.resolve("rclone"));
    return Optional.of(new RcdSupervisor(settings(config), dataDir.resolve("rclone").resolve("rcd.log")));
  }

  static RcloneSettings settings(RcloneConfig c) {
    return new RcloneSettings(c.binary(), c.configFile(), c.bwlimit(), c.transfers(), RcloneSettings.defaults().callTimeout());
  }

  /** Starts one thread per source; each runs its source at once. */
  public void start() {
    loops.values().forEach(Loop::start);
  }

  /** Runs a source now instead of at its next scheduled time (the status page's "sync now"). */
  public void runNow(String source) {
    Loop loop = loops.get(source);
    if (loop == null) {
      throw new IllegalArgumentException("no remote source named '" + source + "'; remote sources: " + loops.keySet());
    }
    loop.due = Instant.MIN;
    loop.wake.release();
  }

  /** {@code daemon.sync} of /api/status: one object per remote source. Cheap, never blocks on rclone. */
  public JsonObject status() {
    JsonObject out = new JsonObject();
    loops.forEach((name, loop) -> out.put(name, loop.status.json()));
    return out;
  }

  @Override
  public void close() {
    loops.values().forEach(Loop::stop);
    loops.values().forEach(Loop::join);
  }

  private final class Loop {
    final RemoteSource source;
    final Duration every;
    final SourceStatus status;
    final Semaphore wake = new Semaphore(0);
    volatile Instant due = Instant.MIN;
    volatile boolean stopped;
    volatile Instant renewedAt = Instant.MIN;
    Thread thread;

    Loop(RemoteSource source, Duration every) {
      this.source = source;
      this.every = every;
      this.status = new SourceStatus(source, every);
    }

    void start() {
      thread = Thread.ofVirtual().name("vorg-sync-" + source.name()).start(this::loop);
    }

    void stop() {
      stopped = true;
      wake.release();
    }

    void join() {
      try {
        if (thread != null && !thread.join(Duration.ofSeconds(10))) {
          thread.interrupt(); // a copy in progress: rclone's call is abandoned, the partial discarded next run
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void loop() {
      while (!stopped) {
        if (holdLease()) {
          if (!clock.instant().isBefore(due)) {
            runOnce();
            due = clock.instant().plus(every);
            status.next(due);
          }
          followUp();
        }
        try {
          wake.tryAcquire(FOLLOW_UP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          break;
        }
      }
      releaseLease();
    }

    /** Takes or renews this source's lease; while another daemon holds it, this one stands by. */
    private boolean holdLease() {
      try {
        if (store.lease(source.name(), owner, LEASE)) {
          renewedAt = clock.instant();
          status.held();
          return true;
        }
        String holder = store.leaseHolder(source.name()).orElse("another daemon");
        status.standby(holder);
        return false;
      } catch (RuntimeException e) {
        log.warn("remote source {}: its lease could not be checked in the database ({}); not run until it can",
            source.name(), e.toString());
        return false;
      }
    }

    /** While a long copy runs: keeps the lease from expiring under it. */
    private void renewWhileRunning() {
      if (Duration.between(renewedAt, clock.instant()).compareTo(RENEW_EVERY) >= 0) {
        holdLease();
      }
    }

    private void releaseLease() {
      try {
        store.release(source.name(), owner);
      } catch (RuntimeException e) {
        log.info("remote source {}: lease not given back ({}); it expires in {}s", source.name(), e.toString(),
            LEASE.toSeconds());
      }
    }

    private void runOnce() {
      status.started(clock.instant());
      CountDownLatch finished = new CountDownLatch(1);
      Thread sampler = Thread.ofVirtual().name("vorg-sync-progress-" + source.name())
          .start(() -> sampleProgress(finished));
      try {
        known.beforeRun();
        SourceRun run = runner.run(source);
        status.finished(run, clock.instant());
        log.info("remote source {}: {} downloaded, {} already in the library, {} still being uploaded, {} failed",
            source.name(), run.downloaded().size(), run.skippedKnown(), run.settling(), run.failures().size());
        run.failures().forEach(f -> log.warn("remote source {}: {} not copied: {}", source.name(), f.path(), f.message()));
      } catch (RcloneProblem p) {
        RcloneProblem explained = explain(p);
        status.failed(explained, clock.instant());
        log.warn("remote source {}: {}", source.name(), explained.getMessage());
      } catch (RuntimeException e) {
        status.failed(new RcloneProblem(RcloneProblem.Kind.FAILED, e.toString(), e), clock.instant());
        log.warn("remote source {} ({}) failed: {}", source.name(), source.remote(), e.toString());
      } finally {
        finished.countDown();
        sample();
      }
    }

    /** rclone's message with the remote it concerns and what the user does about it. */
    private RcloneProblem explain(RcloneProblem p) {
      String name = source.remote().substring(0, source.remote().indexOf(':'));
      String advice = switch (p.kind()) {
        case REMOTE_NOT_CONFIGURED -> "'" + name + "' is not a remote in " + configName
            + "; add it with: rclone config (rclone listremotes shows the names)";
        case AUTH_REFUSED -> "'" + name + "' refused the credentials in " + configName
            + "; reconnect it with: rclone config reconnect " + name + ": (SFTP: check key_file)";
        case UNREACHABLE -> "'" + name + "' could not be reached; tried again at the next run";
        default -> "";
      };
      String text = advice.isEmpty() ? source.remote() + ": " + p.detail() : source.remote() + ": " + advice + " (rclone: " + p.detail() + ")";
      return new RcloneProblem(p.kind(), text, p);
    }

    /** Samples rclone's progress every {@code PROGRESS_EVERY} until the run has {@code finished}. */
    private void sampleProgress(CountDownLatch finished) {
      try {
        do {
          sample();
          renewWhileRunning();
        } while (!finished.await(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS));
      } catch (InterruptedException e) {
        // the daemon is stopping; the run's last sample is taken where it ends
      }
    }

    private void sample() {
      try {
        if (rcd.pid() > 0) {
          status.progress(runner.progress());
        }
      } catch (RcloneProblem notNow) {
        // rclone is between restarts; the next sample shows it
      }
    }

    /** Links downloads to their videos; deletes confirmed originals where the source opted in. */
    private void followUp() {
      try {
        store.linkStaged(source.name());
        if (source.deleteOriginals() && !status.state().equals("failed")) { // rclone or the remote is down
          deleteConfirmedOriginals();
        }
        cleanStaged();
      } catch (RuntimeException e) {
        log.warn("remote source {}: follow-up of downloads failed: {}", source.name(), e.toString());
      }
    }

    /** Staged copies of videos now in the library (with delete_originals: once the original was dealt with). */
    private void cleanStaged() {
      StagedCopies copies = new StagedCopies(stagingRoot.resolve(source.name()));
      for (SyncStore.Staged staged : store.stagedToClean(source.name(), source.deleteOriginals())) {
        try {
          int n = copies.delete(staged.path(), staged.size());
          store.recordStagedCleaned(source.name(), staged);
          status.cleaned(n);
        } catch (IOException e) {
          log.warn("remote source {}: staged copy of {} not deleted: {}", source.name(), staged.path(), e.toString());
        }
      }
    }

    private void deleteConfirmedOriginals() {
      for (SyncStore.Confirmed c : store.confirmedOriginals(source.name(), jellyfinConfirms)) {
        try {
          boolean deleted = runner.deleteOriginalIfConfirmed(source, c.copied());
          String note = deleted ? "deleted from " + source.remote() + " after video " + c.videoId() + " was confirmed"
              : "kept: changed or gone on " + source.remote() + " since it was copied";
          store.recordOriginal(source.name(), c.copied(), deleted, note);
          status.original(deleted ? "deleted" : "kept");
          log.info("remote source {}: {} {}", source.name(), c.copied().path(), note);
        } catch (RcloneProblem p) {
          log.warn("remote source {}: original {} not deleted yet: {}", source.name(), c.copied().path(), p.getMessage());
        }
      }
    }
  }
}
