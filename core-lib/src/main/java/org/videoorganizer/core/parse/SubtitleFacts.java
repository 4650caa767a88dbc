package org.videoorganizer.core.parse;

/**
 * What a subtitle sidecar's name says ({@code Movie.en.forced.srt}).
 *
 * @param language ISO 639-1 or 639-2 code as written in the name, or null when absent
 * @param forced the name carries {@code forced}
 * @param sdh the name carries {@code sdh}, {@code cc} or {@code hi}
 * @param isDefault the name carries {@code default}
 */
public record SubtitleFacts(String language, boolean forced, boolean sdh, boolean isDefault) {

  /**
   * What the rest of a sidecar's name says, after the video's name and before the extension:
   * {@code .en.sdh.forced} gives en, forced, sdh; {@code 2_English} (a season pack's
   * {@code Subs/<release>/2_English.srt}) gives en. Codes (ISO 639-1, 639-2/T and /B) keep the
   * form written; English language names give the two-letter code. The one reader of subtitle
   * flags for the organizer, the daemon and the parser.
   */
  public static SubtitleFacts ofRemainder(String remainder) {
    return Sidecar.facts(remainder);
  }

  /** Whether the name said anything (a language or a flag). */
  public boolean telling() {
    return language != null || forced || sdh;
  }
}
