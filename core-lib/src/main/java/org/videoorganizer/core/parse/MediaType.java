package org.videoorganizer.core.parse;

/** What a name says the video is. {@code UNKNOWN} when the name does not tell. */
public enum MediaType {
  MOVIE,
  EPISODE,
  UNKNOWN
}
