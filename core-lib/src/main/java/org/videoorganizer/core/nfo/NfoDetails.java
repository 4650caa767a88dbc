package org.videoorganizer.core.nfo;

import java.time.LocalDate;

/**
 * Optional facts an NFO may carry beyond the identity (for example from a TMDB match). Null values
 * are left out of the file.
 *
 * @param originalTitle title in the original language
 * @param plot overview text
 * @param premiered first release or air date
 * @param runtimeMinutes running time in minutes
 */
public record NfoDetails(String originalTitle, String plot, LocalDate premiered, Integer runtimeMinutes) {

  private static final NfoDetails NONE = new NfoDetails(null, null, null, null);

  /** No facts beyond the identity. */
  public static NfoDetails none() {
    return NONE;
  }
}
