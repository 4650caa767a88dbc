package org.videoorganizer.daemon.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.videoorganizer.config.VorgConfig.SourceConfig;
import org.videoorganizer.daemon.store.Video;

/**
 * Maps a video row back to its file: the configured source root plus the stored relative path.
 * A source with a mount marker must be mounted first ({@link Mounts.NotMounted} otherwise), so
 * a dropped mount never makes a file look deleted.
 */
final class Sources {

  private final Map<String, SourceConfig> configs;
  private final Mounts mounts;

  Sources(List<SourceConfig> sources, Mounts mounts) {
    this.configs = sources.stream().collect(Collectors.toUnmodifiableMap(SourceConfig::name, s -> s));
    this.mounts = mounts;
  }

  Path root(Video video) {
    SourceConfig source = configs.get(video.source());
    if (source == null) {
      throw new IllegalStateException("video " + video.id() + " belongs to source '" + video.source()
          + "', which is no longer configured");
    }
    mounts.require("source '" + source.name() + "'", source.path(), source.marker());
    return source.path();
  }

  Path file(Video video) {
    Path root = root(video);
    Path file = root.resolve(video.relPath()).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalStateException("video " + video.id() + " has a path outside its source: " + video.displayPath());
    }
    return file;
  }
}
