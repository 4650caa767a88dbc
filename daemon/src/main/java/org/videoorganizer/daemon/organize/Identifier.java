package org.videoorganizer.daemon.organize;

/**
 * Decides who a video is. The default, {@link NameIdentifier}, reads the file name, its folders
 * and any NFO next to it; a TMDB matcher plugs in here by implementing the same interface.
 * Implementations must not throw for a name they cannot make sense of: that is a {@link
 * Identification.Review}.
 */
@FunctionalInterface
public interface Identifier {

  Identification identify(SourceGroup group);
}
