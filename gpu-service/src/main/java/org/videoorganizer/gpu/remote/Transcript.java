package org.videoorganizer.gpu.remote;

import org.videoorganizer.gpu.cost.Usage;

/**
 * The speech of one window of sound.
 *
 * @param text what was said
 * @param language the detected ISO 639-1 language, or null when the backend did not say
 */
public record Transcript(String text, String language, Usage usage) {}
