package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.blocking.Wakeup;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.client.JellyfinClient;
import org.videoorganizer.jellyfin.client.JellyfinItem;
import org.videoorganizer.jellyfin.webhook.WebhookEvent;

/**
 * Confirms that Jellyfin shows each organized video with the TMDB id we chose. An
 * {@code ItemAdded} webhook, or polling with backoff when none came within
 * {@code webhookWait}, leads to reading the item from the API; the same TMDB id confirms it, a
 * different one is corrected with {@code RemoteSearch/Apply} (which refreshes the item before it
 * answers), and checked again.
 * An episode is checked on its series item's TMDB id (corrected on the series) and on its season
 * and episode numbers (a difference is reported, not corrected).
 * Webhooks are hints: only the item id is used, the rest is read back from Jellyfin.
 *
 * <p>The checks run on one virtual thread as plain blocking code. It waits, never sleep-polls: it
 * asks the store when the next check falls due and waits until then, at most {@code tick} (the
 * safety net for a record saved by another daemon on the same database); {@link #expect}, a
 * webhook, a saved correction and {@link #stop} wake it early. Webhooks arriving together are
 * gathered for {@link #WEBHOOK_WINDOW_MILLIS}, so a hundred are read back with a few
 * {@code GET /Items?ids=...} calls.
 */
public final class ConfirmationLoop {

  static final int MAX_CORRECTIONS = 2;
  static final int POLL_BATCH = 200;
  static final int MAX_EARLY = 2000;
  static final long WEBHOOK_WINDOW_MILLIS = 25;
  /** Item ids per {@code GET /Items?ids=...} call. */
  static final int MAX_IDS = 100;
  // Never look at the store more often than this when its answers disagree (a due record left due).
  private static final Duration LEAST_WAIT = Duration.ofMillis(10);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(ConfirmationLoop.class);

  /** A webhook handed over by the HTTP handler, done once the loop handled it. */
  private record Hook(WebhookEvent event, Promise<Void> done, long arrivedNanos) {}

  private final JellyfinClient client;
  private final JellyfinSettings settings;
  private final ConfirmationStore store;
  private final Clock clock;
  private final Duration tick;
  private final ItemFinder finder;
  private final SeriesLookup seriesLookup;
  private final Corrections corrections;
  private final Verdicts verdicts;
  private final Wakeup wakeup = new Wakeup();
  private final ConcurrentLinkedQueue<Hook> hooks = new ConcurrentLinkedQueue<>();
  // Jellyfin paths of items added before we expected them: a scan started by another file's
  // announcement can pick up a file published but not yet announced. Their first check is at once.
  private final Set<String> early = Collections.newSetFromMap(Collections.synchronizedMap(
      new LinkedHashMap<String, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_EARLY;
        }
      }));
  private volatile boolean stopping;
  private Thread thread;

  /** @param tick the longest wait between looks at the store (the checks themselves follow their own backoff) */
  public ConfirmationLoop(JellyfinClient client, ConfirmationStore store, Clock clock, Duration tick) {
    this.client = client;
    this.settings = client.settings();
    this.store = store;
    this.clock = clock;
    this.tick = tick;
    this.finder = new ItemFinder(client);
    this.seriesLookup = new SeriesLookup(client, clock);
    this.corrections = new Corrections(client, store, clock, seriesLookup,
        (c, at) -> Verdicts.nextCheck(settings, c, at), Verdicts.recheckAfterCorrection(settings), wakeup::signal);
    this.verdicts = new Verdicts(settings, store, clock, seriesLookup, corrections);
  }

  public synchronized void start() {
    if (thread == null) {
      thread = Thread.ofVirtual().name("vorg-jellyfin-confirm").start(this::run);
    }
  }

  /**
   * Stops the loop and the corrections waiting for Jellyfin, and waits (briefly) for the loop's
   * thread to end. A check cut short leaves its record as last saved, so it is due again at the
   * next start; a decision already taken is saved before the thread ends. Blocks: call it from a
   * thread that may wait.
   */
  public void stop() {
    stopping = true;
    wakeup.signal();
    corrections.stop();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(STOP_WAIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    failWaitingHooks();
  }

  /** Whether the loop's thread is alive: started and not (yet) ended by {@link #stop}. */
  synchronized boolean running() {
    return thread != null && thread.isAlive();
  }

  /** Starts waiting for Jellyfin to show {@code published} (as the daemon sees it) as {@code tmdbId}. */
  public Future<Confirmation> expect(Path published, String tmdbId) {
    return expect(published, tmdbId, Optional.empty());
  }

  /**
   * Starts waiting for Jellyfin to show the episode file {@code published} as {@code numbers} of
   * the show {@code showTmdbId}: the episode item's numbers and its series item's TMDB id are checked.
   */
  public Future<Confirmation> expectEpisode(Path published, String showTmdbId, EpisodeNumbers numbers) {
    return expect(published, showTmdbId, Optional.of(numbers));
  }

  private Future<Confirmation> expect(Path published, String tmdbId, Optional<EpisodeNumbers> episode) {
    if (tmdbId == null || !tmdbId.matches("\\d{1,10}")) {
      return Future.failedFuture(new IllegalArgumentException("TMDB id must be 1..10 digits, got: '" + tmdbId + "'"));
    }
    Optional<String> remote = settings.pathMap().toJellyfin(published);
    if (remote.isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("cannot confirm " + published
          + ": Jellyfin does not see this path: no rule of "
          + JellyfinSettings.PATH_MAP_SETTING + " covers it; add one like /local/folder=/folder/as/jellyfin/sees/it"));
    }
    Instant now = clock.instant();
    Instant firstCheck = early.remove(remote.get()) ? now : now.plus(settings.webhookWait());
    Path local = published.toAbsolutePath().normalize();
    Confirmation c = episode.isPresent()
        ? Confirmation.waitingEpisode(local, remote.get(), tmdbId, episode.get(), now, firstCheck)
        : Confirmation.waiting(local, remote.get(), tmdbId, now, firstCheck);
    return store.save(c).map(c).onSuccess(saved -> wakeup.signal());
  }

  /** For {@code WebhookRoutes}: hands the event to the loop, which logs a failure once. */
  public void onWebhook(WebhookEvent event) {
    handle(event).onFailure(e -> LOG.warn("Jellyfin webhook {} for item {} not handled: {}",
        event.type().pluginName(), event.itemId(), e.getMessage()));
  }

  /** Hands the event to the loop; completes once the loop handled it. Never blocks the caller. */
  public Future<Void> handle(WebhookEvent event) {
    if (stopping) {
      return Future.failedFuture(new IllegalStateException("the confirmation loop is stopping"));
    }
    Promise<Void> done = Promise.promise();
    hooks.add(new Hook(event, done, System.nanoTime()));
    wakeup.signal();
    if (stopping) {
      failWaitingHooks();
    }
    return done.future();
  }

  /** Counts per state and the videos that need a look, at most {@code listLimit} of each kind. */
  public Future<ConfirmationStatus> status(int listLimit) {
    return store.counts().compose(counts -> store.inState(ConfirmationState.MISMATCHED, listLimit)
        .compose(mismatched -> store.inState(ConfirmationState.MISSING, listLimit)
            .compose(missing -> store.inState(ConfirmationState.DELETED, listLimit)
                .map(deleted -> new ConfirmationStatus(counts, mismatched, missing, deleted)))));
  }

  private void run() {
    while (!stopping) {
      long mark = wakeup.mark();
      try {
        gatherHooks();
        handleHooks();
        if (checkDue() < POLL_BATCH) {
          wakeup.awaitAfter(mark, untilNextCheck());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (stopping) {
          return;
        }
        LOG.warn("Jellyfin confirmation round failed, will try again: {}", e.getMessage());
        try {
          wakeup.awaitAfter(wakeup.mark(), tick);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** With webhooks waiting, waits until the first is {@link #WEBHOOK_WINDOW_MILLIS} old or a batch is full. */
  private void gatherHooks() throws InterruptedException {
    Hook first = hooks.peek();
    if (first == null) {
      return;
    }
    long deadline = first.arrivedNanos() + TimeUnit.MILLISECONDS.toNanos(WEBHOOK_WINDOW_MILLIS);
    while (!stopping && hooks.size() < MAX_IDS) {
      long mark = wakeup.mark();
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wakeup.awaitAfter(mark, Duration.ofNanos(left));
    }
  }

  /** The wait until the store's next check falls due, at most {@code tick}. */
  private Duration untilNextCheck() {
    Optional<Instant> next = Blocking.await(store.nextCheckAt());
    if (next.isEmpty()) {
      return tick;
    }
    Duration until = Duration.between(clock.instant(), next.get());
    return until.compareTo(tick) > 0 ? tick : until.compareTo(LEAST_WAIT) < 0 ? LEAST_WAIT : until;
  }

  /** The webhooks in the order they came; {@code ItemAdded} ones read back {@link #MAX_IDS} ids a call. */
  private void handleHooks() {
    List<Hook> added = new ArrayList<>();
    for (Hook h = hooks.poll(); h != null; h = hooks.poll()) {
      if (h.event().type() == WebhookEvent.Type.ITEM_ADDED) {
        added.add(h);
        if (added.size() == MAX_IDS) {
          handleAdded(added);
        }
      } else {
        handleAdded(added);
        Hook deleted = h;
        finish(List.of(deleted), () -> itemDeleted(deleted.event().itemId()));
      }
    }
    handleAdded(added);
  }

  private void handleAdded(List<Hook> added) {
    if (added.isEmpty()) {
      return;
    }
    List<Hook> batch = List.copyOf(added);
    added.clear();
    finish(batch, () -> itemsAdded(batch.stream().map(h -> h.event().itemId()).distinct().toList()));
  }

  /** Runs {@code work} for {@code batch} and completes its webhooks with the outcome. */
  private void finish(List<Hook> batch, Runnable work) {
    try {
      work.run();
      batch.forEach(h -> h.done().tryComplete());
    } catch (RuntimeException e) {
      batch.forEach(h -> h.done().tryFail(e));
      if (stopping) {
        throw e;
      }
    }
  }

  private void failWaitingHooks() {
    IllegalStateException stopped = new IllegalStateException("the confirmation loop stopped");
    for (Hook h = hooks.poll(); h != null; h = hooks.poll()) {
      h.done().tryFail(stopped);
    }
  }

  /** One round over the checks due now; gives how many were looked at. */
  private int checkDue() {
    Instant now = clock.instant();
    List<Confirmation> due = Blocking.await(store.due(now, POLL_BATCH));
    if (due.isEmpty()) {
      return 0;
    }
    Map<String, JellyfinItem> found = finder.find(due);
    Map<Confirmation, JellyfinItem> seen = new LinkedHashMap<>();
    due.stream().filter(c -> found.containsKey(c.jellyfinPath()))
        .forEach(c -> seen.put(c, found.get(c.jellyfinPath())));
    readSeries(seen);
    for (Confirmation c : due) {
      JellyfinItem item = found.get(c.jellyfinPath());
      if (item == null) {
        verdicts.notFound(c, now);
      } else {
        verdicts.decide(c, item);
      }
    }
    return due.size();
  }

  private void itemsAdded(List<String> itemIds) {
    Map<Confirmation, JellyfinItem> ours = new LinkedHashMap<>();
    for (JellyfinItem item : Blocking.await(client.items(itemIds))) {
      if (item.path().isEmpty()) {
        continue;
      }
      String path = item.path().get();
      Blocking.await(store.byJellyfinPath(path)).ifPresentOrElse(c -> ours.putIfAbsent(c, item), () -> early.add(path));
    }
    readSeries(ours);
    ours.forEach(verdicts::decide);
  }

  /** Reads the series of the episodes among {@code checks} in one go, before they are decided one by one. */
  private void readSeries(Map<Confirmation, JellyfinItem> checks) {
    seriesLookup.read(checks.entrySet().stream().filter(e -> e.getKey().isEpisode())
        .flatMap(e -> e.getValue().seriesId().stream()).toList());
  }

  private void itemDeleted(String itemId) {
    Optional<Confirmation> c = Blocking.await(store.byItemId(itemId));
    if (c.isEmpty()) {
      return;
    }
    if (Blocking.await(client.item(itemId)).isPresent()) {
      LOG.info("ignoring ItemDeleted for {}: Jellyfin still has the item", itemId);
      return;
    }
    verdicts.save(c.get().withState(ConfirmationState.DELETED, clock.instant(), Optional.empty(),
        "Jellyfin removed the item"));
  }
}
