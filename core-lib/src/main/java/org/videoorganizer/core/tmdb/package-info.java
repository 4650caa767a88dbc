/**
 * A TMDB API client on java.net.http with a shared rate budget, retries and a Caffeine cache.
 * Entry point: TmdbClient.
 */
package org.videoorganizer.core.tmdb;
