/**
 * Video Organizer's embeddable library: parse file names and paths, build Jellyfin paths, write
 * and read NFO files, and match against TMDB. Plain Java, Jackson and Caffeine only; no Vert.x
 * and no database, so any Java tool can embed it.
 */
package org.videoorganizer.core;
