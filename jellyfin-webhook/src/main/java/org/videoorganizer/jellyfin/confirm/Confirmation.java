package org.videoorganizer.jellyfin.confirm;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One organized video waiting for, or having reached, Jellyfin's confirmation. Keyed by
 * {@code jellyfinPath}, the path of the published file as Jellyfin sees it.
 *
 * @param localPath the published file as the daemon sees it
 * @param jellyfinPath the same file as Jellyfin sees it
 * @param expectedTmdbId the TMDB id we matched (for an episode: the show's id, checked on its series item)
 * @param itemId Jellyfin's item id, once known
 * @param seenTmdbId the other TMDB id Jellyfin showed, once it did
 * @param checks look-ups made so far (webhook or poll)
 * @param corrections RemoteSearch/Apply corrections made so far
 * @param nextCheckAt when to look again; empty once settled (confirmed, deleted, missing, given up)
 * @param note a sentence for the status page
 * @param episode for an episode, the season and episode numbers we organized it as; empty for a movie
 */
public record Confirmation(Path localPath, String jellyfinPath, String expectedTmdbId, ConfirmationState state,
    Optional<String> itemId, Optional<String> seenTmdbId, int checks, int corrections, Instant announcedAt,
    Optional<Instant> nextCheckAt, Instant updatedAt, String note, Optional<EpisodeNumbers> episode) {

  /** A movie's record (no episode numbers). */
  public Confirmation(Path localPath, String jellyfinPath, String expectedTmdbId, ConfirmationState state,
      Optional<String> itemId, Optional<String> seenTmdbId, int checks, int corrections, Instant announcedAt,
      Optional<Instant> nextCheckAt, Instant updatedAt, String note) {
    this(localPath, jellyfinPath, expectedTmdbId, state, itemId, seenTmdbId, checks, corrections, announcedAt,
        nextCheckAt, updatedAt, note, Optional.empty());
  }

  /** A freshly announced episode of the show {@code showTmdbId}, first looked at after {@code firstCheckAt}. */
  public static Confirmation waitingEpisode(Path localPath, String jellyfinPath, String showTmdbId,
      EpisodeNumbers numbers, Instant now, Instant firstCheckAt) {
    return new Confirmation(localPath, jellyfinPath, showTmdbId, ConfirmationState.WAITING, Optional.empty(),
        Optional.empty(), 0, 0, now, Optional.of(firstCheckAt), now, "announced, waiting for Jellyfin",
        Optional.of(numbers));
  }

  public boolean isEpisode() {
    return episode.isPresent();
  }

  /** A freshly announced video, first looked at after {@code firstCheckAt}. */
  public static Confirmation waiting(Path localPath, String jellyfinPath, String tmdbId, Instant now,
      Instant firstCheckAt) {
    return new Confirmation(localPath, jellyfinPath, tmdbId, ConfirmationState.WAITING, Optional.empty(),
        Optional.empty(), 0, 0, now, Optional.of(firstCheckAt), now, "announced, waiting for Jellyfin");
  }

  public Confirmation withState(ConfirmationState newState, Instant now, Optional<Instant> next, String why) {
    return new Confirmation(localPath, jellyfinPath, expectedTmdbId, newState, itemId, seenTmdbId, checks,
        corrections, announcedAt, next, now, why, episode);
  }

  public Confirmation withItem(String id, Optional<String> seen) {
    return new Confirmation(localPath, jellyfinPath, expectedTmdbId, state, Optional.of(id),
        seen.isPresent() ? seen : seenTmdbId, checks + 1, corrections, announcedAt, nextCheckAt, updatedAt, note, episode);
  }

  public Confirmation withCheck() {
    return new Confirmation(localPath, jellyfinPath, expectedTmdbId, state, itemId, seenTmdbId, checks + 1,
        corrections, announcedAt, nextCheckAt, updatedAt, note, episode);
  }

  public Confirmation withCorrection() {
    return new Confirmation(localPath, jellyfinPath, expectedTmdbId, state, itemId, seenTmdbId, checks,
        corrections + 1, announcedAt, nextCheckAt, updatedAt, note, episode);
  }

  /** Whether the loop should look at it at {@code now}. */
  public boolean isDue(Instant now) {
    return nextCheckAt.map(t -> !t.isAfter(now)).orElse(false);
  }
}
