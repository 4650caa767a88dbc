package org.videoorganizer.daemon.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code /api/status} shows of one remote source under {@code daemon.sync.<name>}: state
 * ({@code waiting} before the first run, {@code standby} while another daemon on the same database
 * runs the source ({@code held_by}), {@code running}, {@code ok}, {@code partial} when some
 * files failed, {@code failed} when the whole run did), the last run, the problem with its kind
 * and rclone's message, and the progress of the transfers while running. Written by the source's
 * own thread, read by the status endpoint: every method is synchronized and cheap.
 */
final class SourceStatus {

  private static final int FAILURES_SHOWN = 10;

  private final RemoteSource source;
  private final Duration every;
  private String state = "waiting";
  private Instant lastRunAt;
  private Duration lastRunTook;
  private Instant nextRunAt;
  private SourceRun lastRun;
  private RcloneProblem problem;
  private RcClient.Progress progress;
  private final Map<String, Integer> originals = new java.util.TreeMap<>();
  private String heldBy;
  private long stagedCleaned;

  SourceStatus(RemoteSource source, Duration every) {
    this.source = source;
    this.every = every;
  }

  /** Another daemon on the same database holds this source's lease and runs it. */
  synchronized void standby(String holder) {
    state = "standby";
    heldBy = holder;
  }

  synchronized void held() {
    heldBy = null;
    if (state.equals("standby")) {
      state = "waiting";
    }
  }

  synchronized void cleaned(int n) {
    stagedCleaned += n;
  }

  synchronized void started(Instant at) {
    state = "running";
    lastRunAt = at;
  }

  synchronized void finished(SourceRun run, Instant at) {
    lastRun = run;
    problem = null;
    state = run.failures().isEmpty() ? "ok" : "partial";
    lastRunTook = Duration.between(lastRunAt, at);
  }

  synchronized void failed(RcloneProblem p, Instant at) {
    problem = p;
    state = "failed";
    lastRunTook = Duration.between(lastRunAt, at);
  }

  synchronized void next(Instant at) {
    nextRunAt = at;
  }

  synchronized void progress(RcClient.Progress p) {
    progress = p;
  }

  synchronized void original(String outcome) {
    originals.merge(outcome, 1, Integer::sum);
  }

  synchronized String state() {
    return state;
  }

  synchronized JsonObject json() {
    JsonObject o = new JsonObject().put("remote", source.remote()).put("schedule_seconds", every.toSeconds())
        .put("settle_seconds", source.settle().toSeconds()).put("delete_originals", source.deleteOriginals())
        .put("state", state).put("last_run_at", text(lastRunAt)).put("next_run_at", text(nextRunAt))
        .put("last_run_seconds", lastRunTook == null ? null : lastRunTook.toMillis() / 1000.0);
    if (lastRun != null) {
      o.put("last_run", new JsonObject().put("downloaded", lastRun.downloaded().size())
          .put("downloaded_bytes", lastRun.downloaded().stream().mapToLong(s -> s.origin().size()).sum())
          .put("skipped_known", lastRun.skippedKnown())
          .put("already_in_library", new JsonArray(new java.util.ArrayList<Object>(lastRun.alreadyInLibrary())))
          .put("skipped_staged", lastRun.skippedStaged())
          .put("settling", lastRun.settling()).put("failed", lastRun.failures().size())
          .put("not_tried", lastRun.notTried()));
      JsonArray failures = new JsonArray();
      lastRun.failures().stream().limit(FAILURES_SHOWN).forEach(f -> failures.add(new JsonObject()
          .put("path", f.path()).put("kind", f.kind().name()).put("message", f.message())));
      o.put("failures", failures);
    }
    RcloneProblem shown = problem;
    if (shown == null && lastRun != null && !lastRun.failures().isEmpty()) {
      SourceRun.Failure f = lastRun.failures().getFirst();
      shown = new RcloneProblem(f.kind(), f.path() + ": " + f.message());
    }
    o.put("problem", shown == null ? null : new JsonObject().put("kind", shown.kind().name()).put("message", shown.detail()));
    if (progress != null) {
      o.put("progress", new JsonObject().put("bytes", progress.bytes()).put("total_bytes", progress.totalBytes())
          .put("bytes_per_second", progress.bytesPerSecond())
          .put("eta_seconds", progress.eta() == null ? null : progress.eta().toSeconds()));
    }
    o.put("originals", new JsonObject(new java.util.HashMap<>(originals)));
    o.put("held_by", heldBy).put("staged_cleaned", stagedCleaned);
    return o;
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
