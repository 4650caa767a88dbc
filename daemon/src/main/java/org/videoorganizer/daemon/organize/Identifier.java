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

  /**
   * A label that tells this video from another version of the same movie ({@code 2160p}), used
   * when two files of one run would get the same name. Empty when the name gives none.
   */
  default java.util.Optional<String> versionLabel(SourceGroup group) {
    return java.util.Optional.empty();
  }
}
