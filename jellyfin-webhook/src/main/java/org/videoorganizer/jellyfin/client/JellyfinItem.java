package org.videoorganizer.jellyfin.client;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One item as {@code GET /Items?fields=Path,ProviderIds} shows it.
 *
 * @param id 32 lower-case hex digits, no dashes
 * @param name display name
 * @param type {@code BaseItemKind}: Movie, Episode, Series, Season, Video, ...
 * @param path the file or folder as the Jellyfin server sees it, when it has one
 * @param providerIds {@code Tmdb}, {@code Imdb}, {@code Tvdb}, ... as Jellyfin stores them
 * @param seriesId for an episode, its series item (normalized like {@code id})
 * @param season {@code ParentIndexNumber}: an episode's season number
 * @param index {@code IndexNumber}: an episode's number
 * @param indexEnd {@code IndexNumberEnd}: the last episode of a multi-episode file
 */
public record JellyfinItem(String id, String name, String type, Optional<String> path,
    Map<String, String> providerIds, Optional<String> seriesId, OptionalInt season, OptionalInt index,
    OptionalInt indexEnd) {

  /** An item without series or numbers (a movie). */
  public JellyfinItem(String id, String name, String type, Optional<String> path, Map<String, String> providerIds) {
    this(id, name, type, path, providerIds, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
        OptionalInt.empty());
  }

  // Matches "0f98eef9940902466c7a1834a9cf1f9e" and "0F98EEF9-9409-0246-6C7A-1834A9CF1F9E";
  // not "../etc/passwd", "0f98eef9" or a GUID with a stray dash.
  private static final Pattern GUID = Pattern.compile(
      "[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public JellyfinItem {
    String raw = id;
    id = normalizeId(raw).orElseThrow(() -> new IllegalArgumentException(
        "Jellyfin item id must be a GUID (32 hex digits, dashes optional), got: '" + raw + "'"));
    providerIds = Map.copyOf(providerIds);
    seriesId = seriesId.flatMap(JellyfinItem::normalizeId);
  }

  /** The same item with another path (a path substitution undone). */
  public JellyfinItem withPath(Optional<String> other) {
    return new JellyfinItem(id, name, type, other, providerIds, seriesId, season, index, indexEnd);
  }

  /** The TMDB id Jellyfin assigned, if any. */
  public Optional<String> tmdbId() {
    return providerIds.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Tmdb"))
        .map(Map.Entry::getValue)
        .filter(v -> !v.isBlank())
        .findFirst();
  }

  /**
   * Jellyfin's ids are .NET GUIDs, written with dashes by templates and without by the JSON
   * API; this gives the dashless lower-case form, or empty for anything that is not a GUID.
   */
  public static Optional<String> normalizeId(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String trimmed = raw.strip();
    if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
      trimmed = trimmed.substring(1, trimmed.length() - 1);
    }
    if (!GUID.matcher(trimmed).matches()) {
      return Optional.empty();
    }
    return Optional.of(trimmed.replace("-", "").toLowerCase(Locale.ROOT));
  }
}
