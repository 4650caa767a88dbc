package org.videoorganizer.gpu.ocr;

import java.time.Duration;

/**
 * A line of text read from a frame.
 *
 * @param text the words as read, single-spaced
 * @param confidence Tesseract's confidence 0..100
 * @param at where in the video the frame was taken
 */
public record OcrLine(String text, double confidence, Duration at) {}
