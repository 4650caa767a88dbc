/**
 * Matching a parsed identity against TMDB candidates: ids first, several searches, local
 * re-ranking with evidence and a calibrated confidence. Entry point: Matcher.
 */
package org.videoorganizer.core.match;
