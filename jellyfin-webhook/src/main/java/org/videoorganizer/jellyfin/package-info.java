/**
 * The Jellyfin side: an API client (library paths, Media/Updated announcements, item look-ups
 * and fixes), the receiver for the Webhook plugin's posts, and the loop that confirms Jellyfin
 * shows each item as intended.
 */
package org.videoorganizer.jellyfin;
