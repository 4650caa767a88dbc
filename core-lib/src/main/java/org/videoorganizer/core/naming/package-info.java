/**
 * Jellyfin naming: turns an identity into a filesystem-safe path below the library root
 * (Movies/, TV Shows/, Other/). Entry point: JellyfinNaming.
 */
package org.videoorganizer.core.naming;
