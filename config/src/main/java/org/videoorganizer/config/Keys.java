package org.videoorganizer.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The table of keys: every scalar key a file or a VORG_* variable may set, with its default. */
final class Keys {

  private Keys() {}

  /** Dotted key -> default value as text ("" = no default). Order = order in the example file. */
  static final Map<String, String> SCALARS = new LinkedHashMap<>();

  static {
    SCALARS.put("library", "");
    SCALARS.put("library_marker", "");
    SCALARS.put("mode", "move");
    SCALARS.put("data_dir", "~/.local/share/vorg");
    SCALARS.put("database.url", "");
    SCALARS.put("database.pool_size", "8");
    SCALARS.put("redis.url", "");
    SCALARS.put("redis.key_prefix", "vorg");
    SCALARS.put("http.host", "127.0.0.1");
    SCALARS.put("http.port", "8686");
    SCALARS.put("http.tls_cert", "");
    SCALARS.put("http.tls_key", "");
    SCALARS.put("ingest.stable_seconds", "10");
    SCALARS.put("ingest.rescan_seconds", "60");
    SCALARS.put("ingest.watch_events", "true");
    SCALARS.put("ingest.max_unstable_minutes", "360");
    SCALARS.put("workers.concurrency", "4");
    SCALARS.put("workers.lease_seconds", "60");
    SCALARS.put("workers.max_attempts", "5");
    SCALARS.put("workers.poll_seconds", "5");
    SCALARS.put("tmdb.base_url", "https://api.themoviedb.org");
    SCALARS.put("tmdb.language", "en-US");
    SCALARS.put("tmdb.min_confidence", "0.8");
    SCALARS.put("jellyfin.url", "");
    SCALARS.put("jellyfin.path_map", "");
    SCALARS.put("jellyfin.request_timeout", "10s");
    SCALARS.put("jellyfin.announce_debounce", "2s");
    SCALARS.put("jellyfin.webhook_wait", "7m");
    SCALARS.put("jellyfin.give_up_after", "30m");
    SCALARS.put("metrics.open_on_loopback", "false");
    SCALARS.put("backup.dir", "");
    SCALARS.put("backup.every", "24h");
    SCALARS.put("backup.keep", "7");
    SCALARS.put("alerts.template", "generic");
    SCALARS.put("alerts.unreachable_for", "10m");
    SCALARS.put("alerts.failures_above", "20");
    SCALARS.put("alerts.review_above", "50");
    SCALARS.put("alerts.rate_limit", "6h");
    SCALARS.put("rclone.binary", "rclone");
    SCALARS.put("rclone.config", "");
    SCALARS.put("rclone.bwlimit", "");
    SCALARS.put("rclone.transfers", "4");
    SCALARS.put("analysis.enabled", "false");
    SCALARS.put("analysis.videos", "when_needed");
    SCALARS.put("analysis.remote", "none");
    SCALARS.put("analysis.url", "");
    SCALARS.put("analysis.model", "Qwen/Qwen2.5-VL-7B-Instruct");
    SCALARS.put("analysis.speech_url", "");
    SCALARS.put("analysis.speech_remote", "openai");
    SCALARS.put("analysis.speech_model", "Systran/faster-whisper-large-v3");
    SCALARS.put("analysis.gpu_class", "RTX 4090 PRO");
    SCALARS.put("analysis.usd_per_second", "0.00031");
    SCALARS.put("analysis.timeout", "120s");
    SCALARS.put("analysis.daily_budget_usd", "1");
    SCALARS.put("analysis.monthly_budget_usd", "20");
    SCALARS.put("analysis.per_video_budget_usd", "0.05");
  }

  /** Sections that are mappings. */
  static final Set<String> SECTIONS = Set.of("database", "redis", "http", "ingest", "workers", "tmdb", "jellyfin", "metrics",
      "backup", "alerts", "rclone", "analysis");

  /** Keys that hold secrets: never accepted from the file. Key -> environment variable. */
  static final Map<String, String> SECRETS =
      Map.of("tmdb.api_key", "VORG_TMDB_API_KEY", "database.password", "VORG_DATABASE_PASSWORD",
          "http.token", "VORG_HTTP_TOKEN", "jellyfin.api_key", "VORG_JELLYFIN_API_KEY",
          "jellyfin.webhook_secret", "VORG_JELLYFIN_WEBHOOK_SECRET", "tmdb.token", "VORG_TMDB_TOKEN",
          "alerts.url", "VORG_ALERTS_URL", "analysis.api_key", "VORG_ANALYSIS_API_KEY",
          "analysis.speech_api_key", "VORG_ANALYSIS_SPEECH_API_KEY");

  /** {@code http.port} -> {@code VORG_HTTP_PORT}. */
  static String envName(String key) {
    return "VORG_" + key.replace('.', '_').toUpperCase(java.util.Locale.ROOT);
  }
}
