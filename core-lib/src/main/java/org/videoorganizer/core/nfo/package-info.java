/**
 * Kodi/Jellyfin NFO files: writes movie, tvshow, season and episode NFOs and reads the ids and
 * titles of existing ones. Entry points: NfoWriter, NfoReader.
 */
package org.videoorganizer.core.nfo;
