package org.videoorganizer.core.tmdb;

import java.time.LocalDate;

/**
 * One episode in its aired order.
 *
 * @param order the position inside an episode group (from 0), or -1 outside a group
 */
public record Episode(
    long id,
    long showId,
    int seasonNumber,
    int episodeNumber,
    String name,
    LocalDate airDate,
    Integer runtime,
    int order) {}
