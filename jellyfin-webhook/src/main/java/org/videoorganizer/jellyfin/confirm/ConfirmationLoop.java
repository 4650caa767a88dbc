package org.videoorganizer.jellyfin.confirm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
public final class ConfirmationLoop {

  static final int MAX_CORRECTIONS = 2;
  static final int POLL_BATCH = 200;
  static final int MAX_EARLY = 2000;
  private static final Logger LOG = LoggerFactory.getLogger(ConfirmationLoop.class);

  private final Vertx vertx;
  private final JellyfinClient client;
  private final JellyfinSettings settings;
  private final ConfirmationStore store;
  private final Clock clock;
  private final Duration tick;
  private final ItemFinder finder;
  private final AddedBatcher added;
  private final SeriesLookup seriesLookup;
  private final Set<String> busy = ConcurrentHashMap.newKeySet();
  private final Corrections corrections;
  private final AtomicBoolean polling = new AtomicBoolean();
  // Jellyfin paths of items added before we expected them: a scan started by another file's
  // announcement can pick up a file published but not yet announced. Their first check is at once.
  private final Set<String> early = java.util.Collections.newSetFromMap(java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<String, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_EARLY;
        }
      }));
  private volatile long timer = -1;

  /** @param tick how often to look for due checks (the checks themselves follow their own backoff) */
  public ConfirmationLoop(Vertx vertx, JellyfinClient client, ConfirmationStore store, Clock clock, Duration tick) {
    this.vertx = vertx;
    this.client = client;
    this.settings = client.settings();
    this.store = store;
    this.clock = clock;
    this.tick = tick;
    this.finder = new ItemFinder(client);
    this.added = new AddedBatcher(vertx, client, this::itemAdded);
    this.seriesLookup = new SeriesLookup(vertx, client, clock);
    this.corrections = new Corrections(vertx, client, store, clock, seriesLookup, this::nextCheck,
        recheckAfterCorrection());
  }

  public void start() {
    if (timer < 0) {
      timer = vertx.setPeriodic(Math.max(1, tick.toMillis()), t -> pollDue());
    }
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
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
    return store.save(c).map(c);
  }

  /** For {@code WebhookRoutes}: handles the event in the background, logging a failure once. */
  public void onWebhook(WebhookEvent event) {
    handle(event).onFailure(e -> LOG.warn("Jellyfin webhook {} for item {} not handled: {}",
        event.type().pluginName(), event.itemId(), e.getMessage()));
  }

  public Future<Void> handle(WebhookEvent event) {
    return switch (event.type()) {
      case ITEM_ADDED -> added.add(event.itemId());
      case ITEM_DELETED -> itemDeleted(event.itemId());
    };
  }

  /** One polling round over the checks due now; gives how many were looked at. */
  public Future<Integer> pollDue() {
    if (!polling.compareAndSet(false, true)) {
      return Future.succeededFuture(0);
    }
    Instant now = clock.instant();
    return store.due(now, POLL_BATCH)
        .compose(due -> due.isEmpty() ? Future.succeededFuture(0) : finder.find(due)
            .compose(found -> Future.join(due.stream()
                .map(c -> found.containsKey(c.jellyfinPath()) ? evaluate(c, found.get(c.jellyfinPath())) : notFound(c, now))
                .toList()))
            .map(done -> due.size()))
        .onFailure(e -> LOG.warn("Jellyfin confirmation poll failed, will try again: {}", e.getMessage()))
        .andThen(ar -> polling.set(false));
  }

  /** Counts per state and the videos that need a look, at most {@code listLimit} of each kind. */
  public Future<ConfirmationStatus> status(int listLimit) {
    return store.counts().compose(counts -> store.inState(ConfirmationState.MISMATCHED, listLimit)
        .compose(mismatched -> store.inState(ConfirmationState.MISSING, listLimit)
            .compose(missing -> store.inState(ConfirmationState.DELETED, listLimit)
                .map(deleted -> new ConfirmationStatus(counts, mismatched, missing, deleted)))));
  }

  private Future<Void> itemAdded(JellyfinItem item) {
    if (item.path().isEmpty()) {
      return Future.succeededFuture();
    }
    String path = item.path().get();
    return store.byJellyfinPath(path).compose(c -> {
      if (c.isEmpty()) {
        early.add(path);
        return Future.succeededFuture();
      }
      return evaluate(c.get(), item);
    });
  }

  private Future<Void> itemDeleted(String itemId) {
    return store.byItemId(itemId).compose(c -> c.isEmpty() ? Future.succeededFuture()
        : client.item(itemId).compose(still -> {
          if (still.isPresent()) {
            LOG.info("ignoring ItemDeleted for {}: Jellyfin still has the item", itemId);
            return Future.succeededFuture();
          }
          return store.save(c.get().withState(ConfirmationState.DELETED, clock.instant(), Optional.empty(),
              "Jellyfin removed the item"));
        }));
  }

  private Future<Void> evaluate(Confirmation c, JellyfinItem item) {
    if (!busy.add(c.jellyfinPath())) {
      return Future.succeededFuture();
    }
    return decide(c, item, clock.instant()).andThen(ar -> busy.remove(c.jellyfinPath()));
  }

  private Future<Void> decide(Confirmation c, JellyfinItem item, Instant now) {
    if (c.isEpisode()) {
      return decideEpisode(c, item, now);
    }
    Optional<String> seen = item.tmdbId();
    if (seen.isEmpty()) {
      return store.save(c.withItem(item.id(), Optional.empty()).withState(ConfirmationState.WAITING, now,
          Optional.of(nextCheck(c, now)), "Jellyfin has the item but no TMDB id yet"));
    }
    if (seen.get().equals(c.expectedTmdbId())) {
      String why = c.corrections() == 0 ? "Jellyfin shows TMDB " + seen.get()
          : "Jellyfin shows TMDB " + seen.get() + " after correcting " + c.seenTmdbId().orElse("?");
      return store.save(c.withItem(item.id(), Optional.empty())
          .withState(ConfirmationState.CONFIRMED, now, Optional.empty(), why));
    }
    Confirmation mismatched = c.withItem(item.id(), seen);
    if (c.corrections() >= MAX_CORRECTIONS) {
      return store.save(mismatched.withState(ConfirmationState.MISMATCHED, now, Optional.empty(),
          "Jellyfin keeps TMDB " + seen.get() + " instead of " + c.expectedTmdbId() + " after "
              + c.corrections() + " corrections; use Identify in Jellyfin"));
    }
    return correct(mismatched, item, seen.get(), now);
  }

  private Future<Void> correct(Confirmation c, JellyfinItem item, String seen, Instant now) {
    Confirmation marked = c.withState(ConfirmationState.MISMATCHED, now, Optional.of(nextCheck(c, now)),
        "Jellyfin chose TMDB " + seen + " instead of " + c.expectedTmdbId() + "; correcting");
    LOG.info("{}: {}", c.localPath(), marked.note());
    return store.save(marked).onSuccess(v -> corrections.item(marked, item.id(), "TMDB " + seen));
  }

  /**
   * An episode: Jellyfin's episode item carries the episode's own TMDB id, so the show is checked
   * on its series item and the file's place in it by the episode's season and episode numbers.
   */
  private Future<Void> decideEpisode(Confirmation c, JellyfinItem item, Instant now) {
    EpisodeNumbers ours = c.episode().orElseThrow();
    if (item.seriesId().isEmpty()) {
      return store.save(c.withItem(item.id(), Optional.empty()).withState(ConfirmationState.WAITING, now,
          Optional.of(nextCheck(c, now)), "Jellyfin has the episode but no series for it yet"));
    }
    String seriesId = item.seriesId().get();
    return seriesLookup.series(seriesId).compose(series -> {
      Instant at = clock.instant();
      Optional<String> seen = series.flatMap(JellyfinItem::tmdbId);
      if (seen.isEmpty()) {
        return store.save(c.withItem(item.id(), Optional.empty()).withState(ConfirmationState.WAITING, at,
            Optional.of(nextCheck(c, at)), series.isEmpty() ? "Jellyfin has the episode but not its series yet"
                : "Jellyfin's series has no TMDB id yet"));
      }
      if (!seen.get().equals(c.expectedTmdbId())) {
        Confirmation mismatched = c.withItem(item.id(), seen);
        if (c.corrections() >= MAX_CORRECTIONS) {
          return store.save(mismatched.withState(ConfirmationState.MISMATCHED, at, Optional.empty(),
              "Jellyfin's series keeps TMDB " + seen.get() + " instead of show " + c.expectedTmdbId() + " after "
                  + c.corrections() + " corrections; use Identify on the series in Jellyfin"));
        }
        return correctSeries(mismatched, seriesId, seen.get(), at);
      }
      if (item.season().isEmpty() || item.index().isEmpty()) {
        return store.save(c.withItem(item.id(), Optional.empty()).withState(ConfirmationState.WAITING, at,
            Optional.of(nextCheck(c, at)), "Jellyfin has the episode but no season/episode numbers yet"));
      }
      int season = item.season().getAsInt();
      int first = item.index().getAsInt();
      int last = item.indexEnd().orElse(first);
      if (season != ours.season() || first != ours.episode() || last != ours.episodeEnd()) {
        EpisodeNumbers theirs = new EpisodeNumbers(season, first, Math.max(first, last));
        return store.save(c.withItem(item.id(), Optional.empty()).withState(ConfirmationState.MISMATCHED, at,
            Optional.empty(), "Jellyfin numbers the episode " + theirs.label() + " (season " + season
                + ", episode " + (first == last ? String.valueOf(first) : first + "-" + last) + ") instead of our "
                + ours.label() + " of show TMDB " + c.expectedTmdbId()
                + "; not corrected automatically, check the file name and NFO, then refresh in Jellyfin"));
      }
      String why = c.corrections() == 0
          ? "Jellyfin shows " + ours.label() + " of series TMDB " + seen.get()
          : "Jellyfin shows " + ours.label() + " of series TMDB " + seen.get() + " after correcting the series from "
              + c.seenTmdbId().orElse("?");
      return store.save(c.withItem(item.id(), Optional.empty())
          .withState(ConfirmationState.CONFIRMED, at, Optional.empty(), why));
    });
  }

  /** Applies our show id to the series item (not the episode); Apply refreshes the series. */
  private Future<Void> correctSeries(Confirmation c, String seriesId, String seen, Instant now) {
    Confirmation marked = c.withState(ConfirmationState.MISMATCHED, now, Optional.of(nextCheck(c, now)),
        "Jellyfin's series is TMDB " + seen + " instead of show " + c.expectedTmdbId() + "; correcting the series");
    LOG.info("{}: {}", c.localPath(), marked.note());
    return store.save(marked).onSuccess(v -> corrections.series(marked, seriesId, "series TMDB " + seen));
  }

  private Future<Void> notFound(Confirmation c, Instant now) {
    if (!now.isBefore(c.announcedAt().plus(settings.giveUpAfter()))) {
      LOG.warn("{}: Jellyfin did not show {} within {}", c.localPath(), c.jellyfinPath(), settings.giveUpAfter());
      return store.save(c.withCheck().withState(ConfirmationState.MISSING, now, Optional.empty(),
          "Jellyfin did not show the file within " + settings.giveUpAfter()));
    }
    return store.save(c.withCheck().withState(c.state(), now, Optional.of(nextCheck(c, now)), c.note()));
  }

  /** webhookWait, then doubling per check, capped at pollMaxInterval and at the give-up time. */
  private Instant nextCheck(Confirmation c, Instant now) {
    Duration interval = settings.webhookWait().multipliedBy(1L << Math.min(c.checks(), 16));
    if (interval.compareTo(settings.pollMaxInterval()) > 0) {
      interval = settings.pollMaxInterval();
    }
    Instant next = now.plus(interval);
    Instant giveUp = c.announcedAt().plus(settings.giveUpAfter());
    return next.isAfter(giveUp) && now.isBefore(giveUp) ? giveUp : next;
  }

  private Duration recheckAfterCorrection() {
    Duration fiveSeconds = Duration.ofSeconds(5);
    return settings.webhookWait().compareTo(fiveSeconds) < 0 ? settings.webhookWait() : fiveSeconds;
  }
}
