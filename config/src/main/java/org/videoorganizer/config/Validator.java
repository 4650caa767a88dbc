package org.videoorganizer.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.videoorganizer.config.VorgConfig.SourceConfig;

/** Rules across keys: folders that must not overlap, names that must be unique, loopback HTTP. */
final class Validator {

  private Validator() {}

  static void check(VorgConfig config) {
    uniqueNames(config.sources());
    for (int i = 0; i < config.sources().size(); i++) {
      SourceConfig source = config.sources().get(i);
      String key = "sources[" + i + "].path";
      apart(key, source.path(), "library", config.library());
      if (!config.rclone().isRemote(source.name())) { // a remote's staging folder is in data_dir by design
        apart(key, source.path(), "data_dir", config.dataDir());
      }
      for (int j = i + 1; j < config.sources().size(); j++) {
        apart(key, source.path(), "sources[" + j + "].path", config.sources().get(j).path());
      }
    }
    if (config.rclone().remoteLibrary().isEmpty()) { // a remote library's staging tree is in data_dir by design
      apart("data_dir", config.dataDir(), "library", config.library());
    } else if (config.libraryMarker().isPresent()) {
      throw new ConfigException("library_marker", config.libraryMarker().get(),
          "no marker with a library on an rclone remote (the daemon reaches it through rclone, not a mount); remove library_marker");
    }
    if (config.http().token().isEmpty()) {
      loopback(config.http().host());
    }
  }

  private static void uniqueNames(List<SourceConfig> sources) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      if (!seen.add(sources.get(i).name())) {
        throw new ConfigException("sources[" + i + "].name", sources.get(i).name(), "a name no other source has");
      }
    }
  }

  private static void apart(String key, Path path, String otherKey, Path other) {
    if (path.startsWith(other) || other.startsWith(path)) {
      throw new ConfigException(key, path, "a folder that neither contains nor lies inside " + otherKey + " (" + other + ")");
    }
  }

  private static void loopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          throw new ConfigException("http.host", host,
              "a loopback address such as 127.0.0.1, or set VORG_HTTP_TOKEN (or VORG_HTTP_TOKEN_FILE) so that "
              + "other machines must send it");
        }
      }
    } catch (UnknownHostException e) {
      throw new ConfigException("http.host", host, "a host name that resolves (127.0.0.1 or localhost)");
    }
  }
}
