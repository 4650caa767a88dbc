package org.videoorganizer.gpu;

/**
 * A title the analysis proposes for the matcher.
 *
 * @param text the text to search for, as read or proposed (may carry a year or episode numbers)
 * @param year a year proposed alongside, or null
 * @param contentType movie, episode, home_video, documentary, other, or null when unknown
 * @param source {@code ocr} or {@code vision}
 * @param confidence 0..1 (OCR confidence / 100, or the model's own)
 */
public record TitleProposal(String text, Integer year, String contentType, String source, double confidence) {}
