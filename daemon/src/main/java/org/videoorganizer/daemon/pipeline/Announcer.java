package org.videoorganizer.daemon.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * Tells the media server which library paths changed. Pluggable: the Jellyfin client of
 * jellyfin-webhook implements it; with none configured videos stay ORGANIZED.
 */
public interface Announcer {

  /** Announces the paths; throwing means "try again later". */
  void announce(List<Path> libraryPaths) throws Exception;
}
