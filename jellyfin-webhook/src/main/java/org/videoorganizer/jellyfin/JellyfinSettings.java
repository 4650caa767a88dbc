package org.videoorganizer.jellyfin;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach one Jellyfin server and how patiently to talk to it. The daemon builds it from the
 * configuration's {@code jellyfin} part (the {@code config} module reads the file, the
 * {@code VORG_JELLYFIN_*} variables and the secrets); this module reads no environment itself.
 *
 * @param baseUrl the server's address, for example {@code http://jellyfin:8096}
 * @param apiKey an API key from Dashboard, API Keys (never printed by {@link #toString()})
 * @param pathMap translation of daemon paths into paths as Jellyfin sees them
 * @param requestTimeout how long one API call may take
 * @param announceDebounce quiet time after the last published file before announcing
 * @param announceMaxDelay longest a published file waits for its announcement while files keep arriving
 * @param announceBatchSize most paths in one {@code POST /Library/Media/Updated}
 * @param webhookWait how long to wait for an {@code ItemAdded} webhook before polling
 * @param pollMaxInterval the longest pause between two polls for one video
 * @param giveUpAfter after this long without the item appearing, the video is reported missing
 * @param applyTimeout how long {@code RemoteSearch/Apply} may take: Jellyfin answers it only after
 *     the item's whole metadata and image refresh (a series: every season and episode)
 */
public record JellyfinSettings(
    URI baseUrl,
    String apiKey,
    PathMap pathMap,
    Duration requestTimeout,
    Duration announceDebounce,
    Duration announceMaxDelay,
    int announceBatchSize,
    Duration webhookWait,
    Duration pollMaxInterval,
    Duration giveUpAfter,
    Duration applyTimeout) {

  public static final String API_KEY_VARIABLE = "VORG_JELLYFIN_API_KEY";
  public static final String PATH_MAP_VARIABLE = "VORG_JELLYFIN_PATH_MAP";
  /** The configuration key of the path map, named with its variable in every error about it. */
  public static final String PATH_MAP_KEY = "jellyfin.path_map";
  /** How errors name the setting the user fixes: the YAML key and the environment variable. */
  public static final String PATH_MAP_SETTING = PATH_MAP_KEY + " / " + PATH_MAP_VARIABLE;

  public JellyfinSettings {
    baseUrl = checkUrl(baseUrl);
    checkApiKey(apiKey);
    if (pathMap == null) {
      throw new IllegalArgumentException("pathMap must not be null; use PathMap.identity()");
    }
    requirePositive("requestTimeout", requestTimeout);
    requirePositive("announceDebounce", announceDebounce);
    requirePositive("announceMaxDelay", announceMaxDelay);
    requirePositive("webhookWait", webhookWait);
    requirePositive("pollMaxInterval", pollMaxInterval);
    requirePositive("giveUpAfter", giveUpAfter);
    requirePositive("applyTimeout", applyTimeout);
    if (announceBatchSize < 1 || announceBatchSize > 10_000) {
      throw new IllegalArgumentException("announceBatchSize must be within 1..10000, got: " + announceBatchSize);
    }
  }

  /**
   * The default webhook wait: Jellyfin scans a reported path after {@code LibraryMonitorDelay}
   * (60 s), and the Webhook plugin holds {@code ItemAdded} while the item has no provider id,
   * looking again every 30 s up to 10 times (v18..v21 {@code ItemAddedManager}): about 6.5
   * minutes before the post of an item Jellyfin had to search for. Polling earlier only finds
   * items without ids.
   */
  public static final Duration DEFAULT_WEBHOOK_WAIT = Duration.ofMinutes(7);

  /**
   * Settings with the defaults: 10 s calls, 10 min for an Apply, 2 s debounce, 7 min webhook
   * wait, 30 min give-up.
   */
  public static JellyfinSettings of(URI baseUrl, String apiKey) {
    return new JellyfinSettings(baseUrl, apiKey, PathMap.identity(), Duration.ofSeconds(10),
        Duration.ofSeconds(2), Duration.ofSeconds(15), 200, DEFAULT_WEBHOOK_WAIT,
        Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofMinutes(10));
  }

  public JellyfinSettings withPathMap(PathMap map) {
    return new JellyfinSettings(baseUrl, apiKey, map, requestTimeout, announceDebounce,
        announceMaxDelay, announceBatchSize, webhookWait, pollMaxInterval, giveUpAfter, applyTimeout);
  }

  public JellyfinSettings withRequestTimeout(Duration d) {
    return new JellyfinSettings(baseUrl, apiKey, pathMap, d, announceDebounce,
        announceMaxDelay, announceBatchSize, webhookWait, pollMaxInterval, giveUpAfter, applyTimeout);
  }

  /** Sets the debounce; the maximum delay follows at 8 times the debounce (at least the debounce). */
  public JellyfinSettings withAnnounceDebounce(Duration d) {
    return new JellyfinSettings(baseUrl, apiKey, pathMap, requestTimeout, d,
        d.multipliedBy(8), announceBatchSize, webhookWait, pollMaxInterval, giveUpAfter, applyTimeout);
  }

  public JellyfinSettings withAnnounceBatchSize(int size) {
    return new JellyfinSettings(baseUrl, apiKey, pathMap, requestTimeout, announceDebounce,
        announceMaxDelay, size, webhookWait, pollMaxInterval, giveUpAfter, applyTimeout);
  }

  public JellyfinSettings withWebhookWait(Duration d) {
    return new JellyfinSettings(baseUrl, apiKey, pathMap, requestTimeout, announceDebounce,
        announceMaxDelay, announceBatchSize, d, pollMaxInterval, giveUpAfter, applyTimeout);
  }

  public JellyfinSettings withPollMaxInterval(Duration d) {
    return new JellyfinSettings(baseUrl, apiKey, pathMap, requestTimeout, announceDebounce,
        announceMaxDelay, announceBatchSize, webhookWait, d, giveUpAfter, applyTimeout);
  }

  public JellyfinSettings withGiveUpAfter(Duration d) {
    return new JellyfinSettings(baseUrl, apiKey, pathMap, requestTimeout, announceDebounce,
        announceMaxDelay, announceBatchSize, webhookWait, pollMaxInterval, d, applyTimeout);
  }

  public JellyfinSettings withApplyTimeout(Duration d) {
    return new JellyfinSettings(baseUrl, apiKey, pathMap, requestTimeout, announceDebounce,
        announceMaxDelay, announceBatchSize, webhookWait, pollMaxInterval, giveUpAfter, d);
  }

  @Override
  public String toString() {
    return "JellyfinSettings[baseUrl=" + baseUrl + ", apiKey=***, pathMap=" + pathMap
        + ", requestTimeout=" + requestTimeout + ", announceDebounce=" + announceDebounce
        + ", announceMaxDelay=" + announceMaxDelay + ", announceBatchSize=" + announceBatchSize
        + ", webhookWait=" + webhookWait + ", pollMaxInterval=" + pollMaxInterval
        + ", giveUpAfter=" + giveUpAfter + ", applyTimeout=" + applyTimeout + "]";
  }

  private static URI checkUrl(URI url) {
    if (url == null || url.getHost() == null
        || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new IllegalArgumentException(
          "Jellyfin base URL must be http(s)://host[:port][/base], got: " + url);
    }
    String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
    return URI.create(url.getScheme() + "://" + url.getRawAuthority() + path);
  }

  private static void checkApiKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("Jellyfin API key must not be blank (" + API_KEY_VARIABLE + ")");
    }
    if (!key.matches("[A-Za-z0-9._~-]+")) {
      throw new IllegalArgumentException("Jellyfin API key may hold only letters, digits and . _ ~ -"
          + " (" + API_KEY_VARIABLE + "), got " + key.length() + " characters with others");
    }
  }

  private static void requirePositive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got: " + d);
    }
  }
}
