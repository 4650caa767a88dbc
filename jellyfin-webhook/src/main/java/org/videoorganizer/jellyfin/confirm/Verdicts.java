package org.videoorganizer.jellyfin.confirm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.jellyfin.JellyfinSettings;
import org.videoorganizer.jellyfin.client.JellyfinItem;

/**
 * What Jellyfin's item says about one record, saved: confirmed, waiting (no TMDB id or numbers
 * yet), mismatched and corrected in the background, mismatched for good, or missing. Blocking:
 * called on the confirmation loop's thread; a stop does not cut a save short, so the store never
 * misses a verdict taken.
 */
final class Verdicts {

  private static final Logger LOG = LoggerFactory.getLogger(Verdicts.class);

  private final JellyfinSettings settings;
  private final ConfirmationStore store;
  private final Clock clock;
  private final SeriesLookup seriesLookup;
  private final Corrections corrections;

  Verdicts(JellyfinSettings settings, ConfirmationStore store, Clock clock, SeriesLookup seriesLookup,
      Corrections corrections) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.seriesLookup = seriesLookup;
    this.corrections = corrections;
  }

  /** Judges {@code c} by the item Jellyfin shows for its path. */
  void decide(Confirmation c, JellyfinItem item) {
    Instant now = clock.instant();
    if (c.isEpisode()) {
      decideEpisode(c, item, now);
      return;
    }
    Optional<String> seen = item.tmdbId();
    if (seen.isEmpty()) {
      save(c.withItem(item.id(), Optional.empty()).withState(ConfirmationState.WAITING, now,
          Optional.of(nextCheck(settings, c, now)), "Jellyfin has the item but no TMDB id yet"));
    } else if (seen.get().equals(c.expectedTmdbId())) {
      String why = c.corrections() == 0 ? "Jellyfin shows TMDB " + seen.get()
          : "Jellyfin shows TMDB " + seen.get() + " after correcting " + c.seenTmdbId().orElse("?");
      save(c.withItem(item.id(), Optional.empty()).withState(ConfirmationState.CONFIRMED, now, Optional.empty(), why));
    } else if (c.corrections() >= ConfirmationLoop.MAX_CORRECTIONS) {
      save(c.withItem(item.id(), seen).withState(ConfirmationState.MISMATCHED, now, Optional.empty(),
          "Jellyfin keeps TMDB " + seen.get() + " instead of " + c.expectedTmdbId() + " after "
              + c.corrections() + " corrections; use Identify in Jellyfin"));
    } else {
      Confirmation mismatched = c.withItem(item.id(), seen);
      Confirmation marked = mismatched.withState(ConfirmationState.MISMATCHED, now,
          Optional.of(nextCheck(settings, mismatched, now)),
          "Jellyfin chose TMDB " + seen.get() + " instead of " + c.expectedTmdbId() + "; correcting");
      LOG.info("{}: {}", c.localPath(), marked.note());
      save(marked);
      corrections.item(marked, item.id(), "TMDB " + seen.get());
    }
  }

  /**
   * An episode: Jellyfin's episode item carries the episode's own TMDB id, so the show is checked
   * on its series item and the file's place in it by the episode's season and episode numbers.
   */
  private void decideEpisode(Confirmation c, JellyfinItem item, Instant now) {
    if (item.seriesId().isEmpty()) {
      waiting(c, item, now, "Jellyfin has the episode but no series for it yet");
      return;
    }
    String seriesId = item.seriesId().get();
    Optional<JellyfinItem> series = seriesLookup.series(seriesId);
    Instant at = clock.instant();
    Optional<String> seen = series.flatMap(JellyfinItem::tmdbId);
    if (seen.isEmpty()) {
      waiting(c, item, at, series.isEmpty() ? "Jellyfin has the episode but not its series yet"
          : "Jellyfin's series has no TMDB id yet");
    } else if (!seen.get().equals(c.expectedTmdbId())) {
      wrongSeries(c.withItem(item.id(), seen), seriesId, seen.get(), at);
    } else if (item.season().isEmpty() || item.index().isEmpty()) {
      waiting(c, item, at, "Jellyfin has the episode but no season/episode numbers yet");
    } else {
      numbers(c, item, seen.get(), at);
    }
  }

  private void waiting(Confirmation c, JellyfinItem item, Instant at, String why) {
    save(c.withItem(item.id(), Optional.empty()).withState(ConfirmationState.WAITING, at,
        Optional.of(nextCheck(settings, c, at)), why));
  }

  /** Applies our show id to the series item (not the episode); Apply refreshes the series. */
  private void wrongSeries(Confirmation mismatched, String seriesId, String seen, Instant at) {
    if (mismatched.corrections() >= ConfirmationLoop.MAX_CORRECTIONS) {
      save(mismatched.withState(ConfirmationState.MISMATCHED, at, Optional.empty(),
          "Jellyfin's series keeps TMDB " + seen + " instead of show " + mismatched.expectedTmdbId() + " after "
              + mismatched.corrections() + " corrections; use Identify on the series in Jellyfin"));
      return;
    }
    Confirmation marked = mismatched.withState(ConfirmationState.MISMATCHED, at,
        Optional.of(nextCheck(settings, mismatched, at)), "Jellyfin's series is TMDB " + seen + " instead of show "
            + mismatched.expectedTmdbId() + "; correcting the series");
    LOG.info("{}: {}", mismatched.localPath(), marked.note());
    save(marked);
    corrections.series(marked, seriesId, "series TMDB " + seen);
  }

  /** The series is ours: the episode is confirmed when Jellyfin numbers it as we did. */
  private void numbers(Confirmation c, JellyfinItem item, String seen, Instant at) {
    EpisodeNumbers ours = c.episode().orElseThrow();
    int season = item.season().getAsInt();
    int first = item.index().getAsInt();
    int last = item.indexEnd().orElse(first);
    if (season != ours.season() || first != ours.episode() || last != ours.episodeEnd()) {
      EpisodeNumbers theirs = new EpisodeNumbers(season, first, Math.max(first, last));
      save(c.withItem(item.id(), Optional.empty()).withState(ConfirmationState.MISMATCHED, at,
          Optional.empty(), "Jellyfin numbers the episode " + theirs.label() + " (season " + season
              + ", episode " + (first == last ? String.valueOf(first) : first + "-" + last) + ") instead of our "
              + ours.label() + " of show TMDB " + c.expectedTmdbId()
              + "; not corrected automatically, check the file name and NFO, then refresh in Jellyfin"));
      return;
    }
    String why = c.corrections() == 0
        ? "Jellyfin shows " + ours.label() + " of series TMDB " + seen
        : "Jellyfin shows " + ours.label() + " of series TMDB " + seen + " after correcting the series from "
            + c.seenTmdbId().orElse("?");
    save(c.withItem(item.id(), Optional.empty()).withState(ConfirmationState.CONFIRMED, at, Optional.empty(), why));
  }

  /** Jellyfin does not show the path (yet): look again later, or report it missing after {@code giveUpAfter}. */
  void notFound(Confirmation c, Instant now) {
    if (!now.isBefore(c.announcedAt().plus(settings.giveUpAfter()))) {
      LOG.warn("{}: Jellyfin did not show {} within {}", c.localPath(), c.jellyfinPath(), settings.giveUpAfter());
      save(c.withCheck().withState(ConfirmationState.MISSING, now, Optional.empty(),
          "Jellyfin did not show the file within " + settings.giveUpAfter()));
      return;
    }
    save(c.withCheck().withState(c.state(), now, Optional.of(nextCheck(settings, c, now)), c.note()));
  }

  /** Saves a verdict; an interrupt (the stop) does not abandon the write. */
  void save(Confirmation c) {
    Blocking.awaitThroughInterrupts(store.save(c));
  }

  /** webhookWait, then doubling per check, capped at pollMaxInterval and at the give-up time. */
  static Instant nextCheck(JellyfinSettings settings, Confirmation c, Instant now) {
    Duration interval = settings.webhookWait().multipliedBy(1L << Math.min(c.checks(), 16));
    if (interval.compareTo(settings.pollMaxInterval()) > 0) {
      interval = settings.pollMaxInterval();
    }
    Instant next = now.plus(interval);
    Instant giveUp = c.announcedAt().plus(settings.giveUpAfter());
    return next.isAfter(giveUp) && now.isBefore(giveUp) ? giveUp : next;
  }

  /** How soon to look again after an answered Apply: 5 s, or the webhook wait when shorter. */
  static Duration recheckAfterCorrection(JellyfinSettings settings) {
    Duration fiveSeconds = Duration.ofSeconds(5);
    return settings.webhookWait().compareTo(fiveSeconds) < 0 ? settings.webhookWait() : fiveSeconds;
  }
}
