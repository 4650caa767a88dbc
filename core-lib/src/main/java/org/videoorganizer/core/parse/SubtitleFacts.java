package org.videoorganizer.core.parse;

/**
 * What a subtitle sidecar's name says ({@code Movie.en.forced.srt}).
 *
 * @param language ISO 639-1 or 639-2 code as written in the name, or null when absent
 * @param forced the name carries {@code forced}
 * @param sdh the name carries {@code sdh}, {@code cc} or {@code hi}
 * @param isDefault the name carries {@code default}
 */
public record SubtitleFacts(String language, boolean forced, boolean sdh, boolean isDefault) {}
