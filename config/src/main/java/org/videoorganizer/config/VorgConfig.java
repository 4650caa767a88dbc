package org.videoorganizer.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole validated configuration. Built only by {@link ConfigLoader}; each component takes
 * only its own part.
 *
 * @param sources folders to watch, at least one
 * @param library the library root (Movies/, TV Shows/, Other/ below it)
 * @param libraryMarker a file that exists in {@code library} only while it is really mounted;
 *     empty for no check
 * @param mode how a file gets into the library
 * @param database an external PostgreSQL, or empty for the embedded one under {@code dataDir}
 * @param redis an external Redis, or empty for in-process dispatch
 * @param http where the status endpoints listen
 * @param dataDir the daemon's own state (embedded database, logs)
 * @param ingest when a file counts as complete and how often sources are rescanned
 * @param workers how many steps run at once and how jobs are leased and retried
 * @param tmdb TMDB access; the key is a secret and may be absent
 * @param jellyfin the Jellyfin server to tell and to check with; absent without {@code jellyfin.url}
 * @param metrics who may read {@code /metrics}
 * @param backup where scheduled backups go, how often, how many are kept
 * @param alerts where notifications go and when they fire
 * @param rclone rclone settings and the remote sources (each remote source is also in {@code sources},
 *     as its staging folder {@code data_dir/staging/<name>})
 * @param analysis content analysis of videos whose name is not enough (off by default)
 */
public record VorgConfig(
    List<SourceConfig> sources,
    Path library,
    Optional<String> libraryMarker,
    TransferMode mode,
    Optional<DatabaseConfig> database,
    Optional<RedisConfig> redis,
    HttpConfig http,
    Path dataDir,
    IngestConfig ingest,
    WorkerConfig workers,
    TmdbConfig tmdb,
    Optional<JellyfinConfig> jellyfin,
    MetricsConfig metrics,
    BackupConfig backup,
    AlertsConfig alerts,
    RcloneConfig rclone,
    AnalysisConfig analysis) {

  public VorgConfig {
    sources = List.copyOf(sources);
  }

  /** Without the operations sections: metrics behind the token, no scheduled backup, no alerts. */
  public VorgConfig(List<SourceConfig> sources, Path library, Optional<String> libraryMarker, TransferMode mode,
      Optional<DatabaseConfig> database, Optional<RedisConfig> redis, HttpConfig http, Path dataDir, IngestConfig ingest,
      WorkerConfig workers, TmdbConfig tmdb, Optional<JellyfinConfig> jellyfin) {
    this(sources, library, libraryMarker, mode, database, redis, http, dataDir, ingest, workers, tmdb, jellyfin,
        RcloneConfig.NONE);
  }

  /** Without the operations sections, with rclone's. */
  public VorgConfig(List<SourceConfig> sources, Path library, Optional<String> libraryMarker, TransferMode mode,
      Optional<DatabaseConfig> database, Optional<RedisConfig> redis, HttpConfig http, Path dataDir, IngestConfig ingest,
      WorkerConfig workers, TmdbConfig tmdb, Optional<JellyfinConfig> jellyfin, RcloneConfig rclone) {
    this(sources, library, libraryMarker, mode, database, redis, http, dataDir, ingest, workers, tmdb, jellyfin,
        new MetricsConfig(false), new BackupConfig(Optional.empty(), java.time.Duration.ofDays(1), 7), AlertsConfig.NONE,
        rclone, AnalysisConfig.OFF);
  }

  /**
   * A watched folder. {@code name} is a short stable label ([a-z0-9_-]); {@code marker}, when
   * present, names a file relative to {@code path} that exists only while the folder is really
   * mounted (a dropped network mount leaves an empty local folder behind).
   */
  public record SourceConfig(String name, Path path, Optional<String> marker) {

    /** A folder without a mount check. */
    public SourceConfig(String name, Path path) {
      this(name, path, Optional.empty());
    }
  }

  /** How a file gets into the library. */
  public enum TransferMode {
    MOVE,
    COPY,
    HARDLINK
  }

  /**
   * An external PostgreSQL. {@code url} is {@code postgresql://user@host:port/db}; the password
   * comes only from {@code VORG_DATABASE_PASSWORD} or {@code VORG_DATABASE_PASSWORD_FILE}.
   */
  public record DatabaseConfig(String url, Optional<Secret> password, int poolSize) {}

  /** An external Redis; {@code keyPrefix} separates several installations on one server. */
  public record RedisConfig(String url, String keyPrefix) {}

  /**
   * The status endpoints and the webhook. Port 0 picks a free one.
   *
   * @param token the bearer token {@code /api/*} requires, from {@code VORG_HTTP_TOKEN} or
   *     {@code VORG_HTTP_TOKEN_FILE} only; when absent the daemon makes one and keeps it in
   *     {@code data_dir/http-token}. A host other than loopback needs it set.
   * @param tls serve HTTPS with this certificate and key ({@code http.tls_cert}, {@code
   *     http.tls_key}); the page's session cookie is then {@code Secure}
   */
  public record HttpConfig(String host, int port, Optional<Secret> token, Optional<Tls> tls) {

    /** Loopback, no token configured. */
    public HttpConfig(String host, int port) {
      this(host, port, Optional.empty());
    }

    /** Plain HTTP. */
    public HttpConfig(String host, int port, Optional<Secret> token) {
      this(host, port, token, Optional.empty());
    }
  }

  /** A PEM certificate (chain) and its PEM private key, both readable files. */
  public record Tls(Path cert, Path key) {}

  /**
   * Completeness and scanning.
   *
   * @param stableSeconds size and mtime must stay unchanged this long
   * @param rescanSeconds a full rescan of every source this often (network mounts send no events)
   * @param watchEvents whether to also use file-system events
   * @param maxUnstable a file seen changing for longer than this is reported on the status page
   *     (a stalled download); it is still taken as soon as it is stable
   */
  public record IngestConfig(int stableSeconds, int rescanSeconds, boolean watchEvents, java.time.Duration maxUnstable) {}

  /**
   * Workers.
   *
   * @param concurrency steps running at once in this daemon
   * @param leaseSeconds how long a claimed job is ours without a renewal
   * @param maxAttempts attempts before a job is failed for good
   * @param pollSeconds the longest wait before PostgreSQL is asked for due jobs again (the
   *     dispatcher otherwise waits until the next job falls due or a doorbell rings)
   */
  public record WorkerConfig(int concurrency, int leaseSeconds, int maxAttempts, int pollSeconds) {}

  /**
   * TMDB. Without credentials the identify stage names videos from their file name and NFO.
   *
   * @param apiKey a v3 API key, from {@code VORG_TMDB_API_KEY} or {@code VORG_TMDB_API_KEY_FILE} only
   * @param baseUrl the API root (a fake server in tests)
   * @param language results language, for example {@code en-US}
   * @param minConfidence matches below this go to review
   * @param token a read access token (sent as a bearer token), from {@code VORG_TMDB_TOKEN} or
   *     {@code VORG_TMDB_TOKEN_FILE} only; used when there is no API key
   */
  public record TmdbConfig(
      Optional<Secret> apiKey, String baseUrl, String language, double minConfidence, Optional<Secret> token) {

    /** Whether TMDB can be asked at all. */
    public boolean hasCredentials() {
      return apiKey.isPresent() || token.isPresent();
    }
  }

  /**
   * The Jellyfin server the daemon tells about new files and checks with.
   *
   * @param url its address, for example {@code http://127.0.0.1:8096}
   * @param apiKey from {@code VORG_JELLYFIN_API_KEY} or {@code VORG_JELLYFIN_API_KEY_FILE} only
   * @param webhookSecret what the Webhook plugin sends in {@code X-Vorg-Secret}; without it the
   *     webhook is not served and confirmation polls
   * @param pathMap {@code /daemon/path=/jellyfin/path} pairs separated by commas, or empty
   * @param requestTimeout how long one API call may take
   * @param announceDebounce quiet time after the last new file before Jellyfin is told
   * @param webhookWait how long to wait for the webhook before asking Jellyfin
   * @param giveUpAfter after this long without the item appearing, the video is reported missing
   */
  public record JellyfinConfig(
      String url,
      Secret apiKey,
      Optional<Secret> webhookSecret,
      String pathMap,
      java.time.Duration requestTimeout,
      java.time.Duration announceDebounce,
      java.time.Duration webhookWait,
      java.time.Duration giveUpAfter) {}

  /**
   * {@code /metrics}.
   *
   * @param openOnLoopback serve it without the token when {@code http.host} is a loopback address
   */
  public record MetricsConfig(boolean openOnLoopback) {}

  /**
   * Scheduled backups ({@code vorg backup} works without them).
   *
   * @param dir where the daemon writes an archive every {@code every}; empty: no schedule
   * @param keep how many archives of the schedule are kept, the oldest deleted first
   */
  public record BackupConfig(Optional<Path> dir, java.time.Duration every, int keep) {}

  /**
   * Notifications.
   *
   * @param url where they are posted, from {@code VORG_ALERTS_URL} or {@code VORG_ALERTS_URL_FILE}
   *     only (webhook addresses carry tokens); empty: no alerts
   * @param template {@code generic}, {@code ntfy}, {@code gotify}, {@code discord} or {@code apprise}
   * @param unreachableFor how long the library or a source may be unreachable before an alert
   * @param failuresAbove alert when more videos than this are failed
   * @param reviewAbove alert when more videos than this wait for review
   * @param rateLimit the same alert is not sent again within this time
   */
  public record AlertsConfig(Optional<Secret> url, String template, java.time.Duration unreachableFor, int failuresAbove,
      int reviewAbove, java.time.Duration rateLimit) {

    public static final AlertsConfig NONE = new AlertsConfig(Optional.empty(), "generic", java.time.Duration.ofMinutes(10),
        20, 50, java.time.Duration.ofHours(6));
  }

  /**
   * rclone (docs/cloud.md). The daemon runs it only when there are remote sources or a remote library.
   *
   * @param binary the rclone command ({@code rclone} on the PATH by default)
   * @param configFile the user's rclone.conf; empty for rclone's own default
   * @param bwlimit rclone {@code --bwlimit}, such as {@code 10M}; empty for none
   * @param transfers rclone {@code --transfers}
   * @param remoteSources the sources entries with a {@code remote}
   * @param remoteLibrary the library as an rclone path ({@code library: "storagebox:media"}); then
   *     {@link VorgConfig#library()} is the local staging tree {@code data_dir/library-staging}
   *     that organize writes into and each unit is published from
   */
  public record RcloneConfig(
      String binary, Optional<Path> configFile, Optional<String> bwlimit, int transfers,
      List<RemoteSourceConfig> remoteSources, Optional<String> remoteLibrary) {

    /** No remote sources. */
    public static final RcloneConfig NONE = new RcloneConfig("rclone", Optional.empty(), Optional.empty(), 4, List.of());

    public RcloneConfig {
      remoteSources = List.copyOf(remoteSources);
    }

    /** A library that is a folder. */
    public RcloneConfig(String binary, Optional<Path> configFile, Optional<String> bwlimit, int transfers,
        List<RemoteSourceConfig> remoteSources) {
      this(binary, configFile, bwlimit, transfers, remoteSources, Optional.empty());
    }

    /** Whether the daemon needs rclone at all: remote sources or a library on a remote. */
    public boolean needed() {
      return !remoteSources.isEmpty() || remoteLibrary.isPresent();
    }

    /** Whether the source of this name is a remote one. */
    public boolean isRemote(String sourceName) {
      return remoteSources.stream().anyMatch(r -> r.name().equals(sourceName));
    }
  }

  /**
   * A source on an rclone remote, downloaded into its staging folder on a schedule.
   *
   * @param name the source name (as in {@code sources})
   * @param remote {@code name:path} with the name from rclone.conf
   * @param every how often it is listed: hourly (1h), daily (24h) or {@code every 30m}
   * @param settle a remote file modified less than this ago is still being uploaded and waits
   * @param deleteOriginals delete the cloud copy once the file is confirmed in the library
   */
  public record RemoteSourceConfig(
      String name, String remote, java.time.Duration every, java.time.Duration settle, boolean deleteOriginals) {}

  /**
   * Content analysis (docs/analysis.md): key frames, OCR and runtime on the CPU, and optionally a
   * remote vision or speech model, for the videos whose name is not enough.
   *
   * @param enabled whether the daemon's analyze step looks inside videos at all
   * @param allVideos {@code videos: all}: every video, not only those whose name match needs
   *     review, found nothing, or went to {@code Other/}; a confident name match still wins
   * @param remote the remote backend, or empty for local analysis only
   * @param dailyBudgetUsd remote spending allowed per UTC day (0 forbids remote calls)
   * @param monthlyBudgetUsd remote spending allowed per UTC month
   * @param perVideoBudgetUsd remote spending allowed on one video
   */
  public record AnalysisConfig(boolean enabled, boolean allVideos, Optional<RemoteAnalysisConfig> remote,
      double dailyBudgetUsd, double monthlyBudgetUsd, double perVideoBudgetUsd) {

    /** No analysis: the analyze step passes every video on. */
    public static final AnalysisConfig OFF = new AnalysisConfig(false, false, Optional.empty(), 1, 20, 0.05);
  }

  /**
   * A remote analysis backend.
   *
   * @param kind {@code openai}: an OpenAI-compatible server (vLLM, Ollama, llama.cpp, a hosted
   *     API) for the vision model at {@code url}; {@code runpod}: a RunPod Serverless
   *     faster-whisper endpoint at {@code url} for speech
   * @param url the base URL ending in {@code /v1}, or {@code https://api.runpod.ai/v2/ENDPOINT_ID}
   * @param model the vision model's name (openai)
   * @param speechUrl where speech goes besides a vision model ({@code openai}), or empty
   * @param speechRemote what {@code speechUrl} is: {@code openai}, an OpenAI-compatible {@code /v1}
   *     URL for {@code /audio/transcriptions}; {@code runpod}, a RunPod faster-whisper endpoint
   * @param speechModel the speech model's name
   * @param apiKey the key sent to {@code url}, from {@code VORG_ANALYSIS_API_KEY} or {@code VORG_ANALYSIS_API_KEY_FILE} only
   * @param speechApiKey the key sent to {@code speechUrl}, from {@code VORG_ANALYSIS_SPEECH_API_KEY} or its {@code _FILE}
   *     only (never the other: two providers do not see each other's keys)
   * @param gpuClass the GPU the price is for, as recorded with each cost
   * @param usdPerSecond the price of a second of GPU time (0 for a free local server)
   * @param timeout the longest wait for one answer
   */
  public record RemoteAnalysisConfig(String kind, String url, String model, Optional<String> speechUrl, String speechRemote,
      String speechModel, Optional<Secret> apiKey, Optional<Secret> speechApiKey, String gpuClass, double usdPerSecond,
      java.time.Duration timeout) {}
}
