package org.videoorganizer.config;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.videoorganizer.config.VorgConfig.RcloneConfig;
import org.videoorganizer.config.VorgConfig.RemoteSourceConfig;

/**
 * The rclone part of the file (docs/cloud.md): the {@code rclone:} section and the entries of
 * {@code sources:} that name a {@code remote} instead of a {@code path}.
 */
final class RemoteSources {

  static final Set<String> KEYS = Set.of("name", "remote", "schedule", "settle", "delete_originals");

  // An rclone remote from rclone.conf and a path on it. Accepted: "gdrive:Videos", "od:",
  // "my box:media/in", "gdrive:/abs". Refused: ":sftp,host=x:" (inline connection string, may
  // carry credentials), "gdrive,shared=1:x" (parameters), "-x:y", "/srv/in", "Videos".
  private static final Pattern REMOTE = Pattern.compile("[A-Za-z0-9_.+@][A-Za-z0-9_.+@ -]*(?<! ):[^\\n\\r\\x00]*");
  // rclone --bwlimit without a timetable. Accepted: "10M", "512k", "1.5M", "10M:1M", "off".
  private static final Pattern BWLIMIT = Pattern.compile("off|\\d+(\\.\\d+)?[BKMGTPbkmgtp]?(:\\d+(\\.\\d+)?[BKMGTPbkmgtp]?)?");
  private static final String REMOTE_EXPECTED =
      "an rclone remote and a path as name:path, the name from your rclone.conf (rclone listremotes), such as gdrive:Videos";
  private static final String SCHEDULE_EXPECTED = "hourly, daily, or every <duration> such as 'every 30m' (at least 1m)";

  private RemoteSources() {}

  /** True when a sources entry names a remote rather than a folder. */
  static boolean isRemote(Node entry) {
    return entry.child("remote").present();
  }

  /** Text that VORG_SOURCES treats as a remote rather than a folder: {@code gdrive=gdrive:Videos}. */
  static boolean looksRemote(String value) {
    return !value.startsWith("/") && !value.startsWith("~") && REMOTE.matcher(value).matches();
  }

  static RemoteSourceConfig bind(Node entry, String name) {
    entry.onlyKeys(KEYS);
    if (entry.child("path").present()) {
      throw new ConfigException(entry.child("path").key(), entry.child("path").value().asText(), "no path on a remote source");
    }
    Node remote = entry.child("remote");
    String text = remote.requiredText(REMOTE_EXPECTED).strip();
    if (!REMOTE.matcher(text).matches()) {
      throw new ConfigException(remote.key(), text, REMOTE_EXPECTED);
    }
    Node settle = entry.child("settle");
    Node delete = entry.child("delete_originals");
    return new RemoteSourceConfig(name, text, schedule(entry.child("schedule")),
        settle.present() ? settle.duration() : Duration.ofMinutes(5), delete.present() && delete.bool());
  }

  /** {@code hourly}, {@code daily} or {@code every 30m}; absent is hourly. */
  static Duration schedule(Node node) {
    String text = node.text().map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse("hourly");
    Duration every = switch (text) {
      case "hourly" -> Duration.ofHours(1);
      case "daily" -> Duration.ofDays(1);
      default -> {
        if (!text.startsWith("every ")) {
          throw new ConfigException(node.key(), text, SCHEDULE_EXPECTED);
        }
        try {
          yield new Node(node.key(), TextNode.valueOf(text.substring(6).strip())).duration();
        } catch (ConfigException e) {
          throw new ConfigException(node.key(), text, SCHEDULE_EXPECTED);
        }
      }
    };
    if (every.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new ConfigException(node.key(), text, SCHEDULE_EXPECTED);
    }
    return every;
  }

  static RcloneConfig rclone(Node node, Paths paths, List<RemoteSourceConfig> remotes, Optional<String> remoteLibrary) {
    node.onlyKeys(Set.of("binary", "config", "bwlimit", "transfers"));
    Node config = node.child("config");
    Optional<Path> file = config.text().filter(t -> !t.isBlank()).map(t -> paths.resolve(config));
    Node bw = node.child("bwlimit");
    Optional<String> bwlimit = bw.text().map(String::strip).filter(t -> !t.isEmpty());
    bwlimit.ifPresent(b -> {
      if (!BWLIMIT.matcher(b).matches()) {
        throw new ConfigException(bw.key(), b, "an rclone bandwidth such as 10M, 512k or 10M:1M (upload:download), or off");
      }
    });
    return new RcloneConfig(node.child("binary").requiredText("the rclone command or its absolute path").strip(),
        file, bwlimit, node.child("transfers").integer(1, 64), remotes, remoteLibrary);
  }

  /**
   * The library folder organize writes into: the configured folder, or for a library on an rclone
   * remote ({@code storagebox:media}) the local staging tree {@code data_dir/library-staging}.
   */
  static Path library(Node node, Paths paths, Path dataDir) {
    return remoteLibrary(node).isPresent() ? dataDir.resolve("library-staging") : paths.resolve(node);
  }

  /** The library as an rclone path when {@code library} names a remote, else empty. */
  static Optional<String> remoteLibrary(Node node) {
    String text = node.text().orElse("").strip();
    return looksRemote(text) ? Optional.of(text) : Optional.empty();
  }
}
