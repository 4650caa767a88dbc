package org.videoorganizer.daemon.identify;

import org.videoorganizer.daemon.source.SourceGroup;

/**
 * Decides who a video is. {@link NameIdentifier} reads the file name, its folders and any NFO
 * next to it; {@link TmdbIdentifier} adds the TMDB matcher, for {@code vorg organize} and the
 * daemon alike. Implementations must not throw for a name they cannot make sense of: that is a
 * {@link Identification.Review}. The daemon calls one identifier from several threads at once,
 * so implementations must be thread-safe.
 */
@FunctionalInterface
public interface Identifier {

  Identification identify(SourceGroup group);

  /**
   * A label that tells this video from another version of the same movie ({@code 2160p}), used
   * when two files of one run would get the same name. Empty when the name gives none.
   */
  default java.util.Optional<String> versionLabel(SourceGroup group) {
    return java.util.Optional.empty();
  }
}
