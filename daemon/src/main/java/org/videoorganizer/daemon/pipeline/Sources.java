package org.videoorganizer.daemon.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.videoorganizer.config.VorgConfig.SourceConfig;
import org.videoorganizer.daemon.store.Video;

/** Maps a video row back to its file: the configured source root plus the stored relative path. */
final class Sources {

  private final Map<String, Path> roots;

  Sources(List<SourceConfig> sources) {
    this.roots = sources.stream().collect(Collectors.toUnmodifiableMap(SourceConfig::name, SourceConfig::path));
  }

  Path root(Video video) {
    Path root = roots.get(video.source());
    if (root == null) {
      throw new IllegalStateException("video " + video.id() + " belongs to source '" + video.source()
          + "', which is no longer configured");
    }
    return root;
  }

  Path file(Video video) {
    Path file = root(video).resolve(video.relPath()).normalize();
    if (!file.startsWith(root(video))) {
      throw new IllegalStateException("video " + video.id() + " has a path outside its source: " + video.displayPath());
    }
    return file;
  }
}
