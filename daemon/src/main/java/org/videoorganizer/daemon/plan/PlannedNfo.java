package org.videoorganizer.daemon.plan;

import java.nio.file.Path;

/**
 * An NFO file a run writes into the library (it has no source): a movie's or an episode's
 * {@code <video>.nfo}, or a show's {@code tvshow.nfo}. Written only after its video reached the
 * library, and never over an existing file.
 *
 * @param target where it goes
 * @param content the XML text, written as UTF-8
 */
public record PlannedNfo(Path target, String content) {}
