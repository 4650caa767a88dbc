package org.videoorganizer.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.videoorganizer.config.VorgConfig.DatabaseConfig;
import org.videoorganizer.config.VorgConfig.HttpConfig;
import org.videoorganizer.config.VorgConfig.IngestConfig;
import org.videoorganizer.config.VorgConfig.JellyfinConfig;
import org.videoorganizer.config.VorgConfig.RedisConfig;
import org.videoorganizer.config.VorgConfig.RemoteSourceConfig;
import org.videoorganizer.config.VorgConfig.SourceConfig;
import org.videoorganizer.config.VorgConfig.TmdbConfig;
import org.videoorganizer.config.VorgConfig.TransferMode;
import org.videoorganizer.config.VorgConfig.WorkerConfig;

/** Turns the tree into typed records; each value is checked where it is read. */
final class Binder {

  private static final Set<String> TOP =
      Set.of("sources", "library", "library_marker", "mode", "data_dir", "database", "redis", "http", "ingest", "workers",
          "tmdb", "jellyfin", "metrics", "backup", "alerts", "rclone", "analysis");

  private final Node root;
  private final Paths paths;
  private final Secrets secrets;

  Binder(Node root, Paths paths, Secrets secrets) {
    this.root = root;
    this.paths = paths;
    this.secrets = secrets;
  }

  VorgConfig bind() {
    root.onlyKeys(TOP);
    Path dataDir = paths.resolve(root.child("data_dir"));
    List<RemoteSourceConfig> remotes = new ArrayList<>();
    return new VorgConfig(
        sources(root.child("sources"), dataDir, remotes),
        RemoteSources.library(root.child("library"), paths, dataDir),
        marker(root.child("library_marker"), "library"),
        mode(root.child("mode")),
        database(root.child("database")),
        redis(root.child("redis")),
        http(root.child("http")),
        dataDir,
        ingest(root.child("ingest")),
        workers(root.child("workers")),
        tmdb(root.child("tmdb")),
        jellyfin(root.child("jellyfin")),
        Operations.metrics(root.child("metrics")),
        Operations.backup(root.child("backup"), paths),
        Operations.alerts(root.child("alerts"), secrets),
        RemoteSources.rclone(root.child("rclone"), paths, remotes, RemoteSources.remoteLibrary(root.child("library"))),
        Analysis.bind(root.child("analysis"), secrets));
  }

  // A remote source is also a folder source: its staging folder, which ingest scans like any other.
  private List<SourceConfig> sources(Node node, Path dataDir, List<RemoteSourceConfig> remotes) {
    List<SourceConfig> out = new ArrayList<>();
    for (Node entry : node.elements()) {
      entry.onlyKeys(RemoteSources.isRemote(entry) ? RemoteSources.KEYS : Set.of("name", "path", "marker"));
      Node name = entry.child("name");
      String text = name.requiredText("a short name of lowercase letters, digits, '-' or '_'");
      if (!text.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
        throw new ConfigException(name.key(), text, "a short name of lowercase letters, digits, '-' or '_' (at most 40)");
      }
      if (RemoteSources.isRemote(entry)) {
        remotes.add(RemoteSources.bind(entry, text));
        out.add(new SourceConfig(text, dataDir.resolve("staging").resolve(text)));
        continue;
      }
      out.add(new SourceConfig(text, paths.resolve(entry.child("path")), marker(entry.child("marker"), "source folder")));
    }
    if (out.isEmpty()) {
      throw new ConfigException("sources", null, "at least one folder to watch (name and path) or remote (name and remote)");
    }
    return out;
  }

  // A marker names a file inside its folder. Accepted: ".vorg-mounted", "meta/mounted";
  // refused: "/srv/x", "../x", "a/../../x", ".", "a/..".
  private static Optional<String> marker(Node node, String folder) {
    Optional<String> text = node.text().map(String::strip).filter(t -> !t.isEmpty());
    text.ifPresent(t -> {
      String expected = "a file name relative to the " + folder + ", such as .vorg-mounted";
      Path p;
      try {
        p = Path.of(t).normalize();
      } catch (InvalidPathException e) {
        throw new ConfigException(node.key(), t, expected);
      }
      if (p.isAbsolute() || p.toString().isEmpty() || p.startsWith("..")) {
        throw new ConfigException(node.key(), t, expected);
      }
    });
    return text;
  }

  private static TransferMode mode(Node node) {
    String text = node.requiredText("move, copy or hardlink");
    try {
      return TransferMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(node.key(), text, "move, copy or hardlink");
    }
  }

  private Optional<DatabaseConfig> database(Node node) {
    node.onlyKeys(Set.of("url", "pool_size"));
    Optional<String> url = node.child("url").text().filter(t -> !t.isBlank());
    url.ifPresent(u -> checkUrl(node.child("url"), u, Set.of("postgresql", "postgres"), "postgresql://user@host:5432/db"));
    int pool = node.child("pool_size").integer(1, 100);
    return url.map(u -> new DatabaseConfig(u, secrets.get("VORG_DATABASE_PASSWORD"), pool));
  }

  private static Optional<RedisConfig> redis(Node node) {
    node.onlyKeys(Set.of("url", "key_prefix"));
    Optional<String> url = node.child("url").text().filter(t -> !t.isBlank());
    url.ifPresent(u -> checkUrl(node.child("url"), u, Set.of("redis", "rediss"), "redis://host:6379"));
    Node prefix = node.child("key_prefix");
    String p = prefix.requiredText("a key prefix of letters, digits, '-', '_' or ':'");
    if (!p.matches("[A-Za-z0-9_:-]{1,64}")) {
      throw new ConfigException(prefix.key(), p, "a key prefix of letters, digits, '-', '_' or ':' (at most 64)");
    }
    return url.map(u -> new RedisConfig(u, p));
  }

  private HttpConfig http(Node node) {
    node.onlyKeys(Set.of("host", "port", "tls_cert", "tls_key"));
    Optional<Secret> token = secrets.get("VORG_HTTP_TOKEN");
    if (token.isPresent() && token.get().reveal().length() < 16) {
      throw new ConfigException("VORG_HTTP_TOKEN", "(" + token.get().reveal().length() + " characters)",
          "a token of at least 16 characters, for example from: openssl rand -base64 32");
    }
    return new HttpConfig(node.child("host").requiredText("a host name or address"), node.child("port").integer(0, 65535), token,
        tls(node));
  }

  // Both or neither; each a readable file (checked here so a typo stops the start, not the first request).
  private Optional<VorgConfig.Tls> tls(Node node) {
    Node cert = node.child("tls_cert");
    Node key = node.child("tls_key");
    boolean hasCert = cert.text().filter(t -> !t.isBlank()).isPresent();
    boolean hasKey = key.text().filter(t -> !t.isBlank()).isPresent();
    if (hasCert != hasKey) {
      Node missing = hasCert ? key : cert;
      throw new ConfigException(missing.key(), "(empty)", "a PEM file; http.tls_cert and http.tls_key are set together");
    }
    if (!hasCert) {
      return Optional.empty();
    }
    return Optional.of(new VorgConfig.Tls(readable(cert, "a PEM certificate file"), readable(key, "a PEM private key file")));
  }

  private Path readable(Node node, String expected) {
    Path p = paths.resolve(node);
    if (!java.nio.file.Files.isRegularFile(p) || !java.nio.file.Files.isReadable(p)) {
      throw new ConfigException(node.key(), p.toString(), expected + " that exists and this user can read");
    }
    return p;
  }

  private static IngestConfig ingest(Node node) {
    node.onlyKeys(Set.of("stable_seconds", "rescan_seconds", "watch_events", "max_unstable_minutes"));
    return new IngestConfig(
        node.child("stable_seconds").integer(0, 86_400),
        node.child("rescan_seconds").integer(1, 86_400),
        node.child("watch_events").bool(),
        java.time.Duration.ofMinutes(node.child("max_unstable_minutes").integer(1, 525_600)));
  }

  private static WorkerConfig workers(Node node) {
    node.onlyKeys(Set.of("concurrency", "lease_seconds", "max_attempts", "poll_seconds"));
    return new WorkerConfig(
        node.child("concurrency").integer(1, 256),
        node.child("lease_seconds").integer(5, 86_400),
        node.child("max_attempts").integer(1, 100),
        node.child("poll_seconds").integer(1, 3_600));
  }

  /**
   * The {@code tmdb} section alone, for {@code vorg organize} and {@code vorg match}: the file's
   * other sections are the daemon's and are only checked for unknown top-level keys.
   */
  TmdbConfig tmdbOnly() {
    root.onlyKeys(TOP);
    return tmdb(root.child("tmdb"));
  }

  /** The {@code analysis} section alone, for {@code vorg analyze}. */
  VorgConfig.AnalysisConfig analysisOnly() {
    root.onlyKeys(TOP);
    return Analysis.bind(root.child("analysis"), secrets);
  }

  private TmdbConfig tmdb(Node node) {
    node.onlyKeys(Set.of("base_url", "language", "min_confidence"));
    Node base = node.child("base_url");
    String url = base.requiredText("an http(s) URL");
    checkUrl(base, url, Set.of("http", "https"), "an http(s) URL such as https://api.themoviedb.org");
    return new TmdbConfig(
        secrets.get("VORG_TMDB_API_KEY"),
        url.replaceAll("/+$", ""),
        node.child("language").requiredText("a language tag such as en-US"),
        node.child("min_confidence").decimal(0.0, 1.0),
        secrets.get("VORG_TMDB_TOKEN"));
  }

  private Optional<JellyfinConfig> jellyfin(Node node) {
    node.onlyKeys(Set.of("url", "path_map", "request_timeout", "announce_debounce", "webhook_wait", "give_up_after"));
    Node urlNode = node.child("url");
    Optional<String> url = urlNode.text().map(String::strip).filter(u -> !u.isEmpty());
    if (url.isEmpty()) {
      return Optional.empty();
    }
    checkUrl(urlNode, url.get(), Set.of("http", "https"), "an http(s) URL such as http://127.0.0.1:8096");
    Secret key = secrets.get("VORG_JELLYFIN_API_KEY").orElseThrow(() -> new ConfigException("VORG_JELLYFIN_API_KEY", null,
        "a Jellyfin API key (Dashboard > API Keys) in VORG_JELLYFIN_API_KEY or VORG_JELLYFIN_API_KEY_FILE, since jellyfin.url is set"));
    Optional<Secret> webhook = secrets.get("VORG_JELLYFIN_WEBHOOK_SECRET");
    if (webhook.isPresent() && webhook.get().reveal().length() < 16) {
      throw new ConfigException("VORG_JELLYFIN_WEBHOOK_SECRET", "(" + webhook.get().reveal().length() + " characters)",
          "a secret of at least 16 characters, for example from: openssl rand -hex 24");
    }
    return Optional.of(new JellyfinConfig(url.get().replaceAll("/+$", ""), key, webhook,
        node.child("path_map").text().orElse("").strip(),
        node.child("request_timeout").duration(), node.child("announce_debounce").duration(),
        node.child("webhook_wait").duration(), node.child("give_up_after").duration()));
  }

  private static void checkUrl(Node node, String text, Set<String> schemes, String expected) {
    try {
      URI uri = new URI(text.strip());
      if (uri.getScheme() != null && schemes.contains(uri.getScheme()) && uri.getHost() != null) {
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
          throw new ConfigException(node.key(), "(a URL with a password)",
              "no password in the URL: use VORG_DATABASE_PASSWORD or VORG_DATABASE_PASSWORD_FILE");
        }
        return;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigException(node.key(), text, expected);
  }
}
