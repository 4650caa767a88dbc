package org.videoorganizer.gpu.remote;

import org.videoorganizer.gpu.cost.Usage;

/**
 * What a vision-language model says about a video's frames.
 *
 * @param titleText the title the model read or recognised, or null
 * @param contentType movie, episode, home_video, documentary or other; null when not said
 * @param year the year the model proposes, or null
 * @param description one or two sentences on what the video shows
 * @param confidence the model's own confidence 0..1 (weak evidence)
 */
public record VisualAnalysis(String titleText, String contentType, Integer year, String description,
    double confidence, Usage usage) {}
