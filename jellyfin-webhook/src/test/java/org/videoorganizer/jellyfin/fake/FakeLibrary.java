package org.videoorganizer.jellyfin.fake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fake server's libraries and items. Libraries are real folders on disk (the fake's view of
 * them is a Jellyfin path such as {@code /media/Movies}); a scan creates an item per video file,
 * identified like Jellyfin does from a {@code [tmdbid-N]} tag in the movie folder or file name,
 * unless a test told it to identify a file differently.
 */
final class FakeLibrary {

  static final String MOVIE_TYPE = "MediaBrowser.Controller.Entities.Movies.Movie";
  static final String EPISODE_TYPE = "MediaBrowser.Controller.Entities.TV.Episode";
  static final String SERIES_TYPE = "MediaBrowser.Controller.Entities.TV.Series";
  static final String FOLDER_TYPE = "MediaBrowser.Controller.Entities.CollectionFolder";
  static final String BOXSET_TYPE = "MediaBrowser.Controller.Entities.Movies.BoxSet";

  // Matches "[tmdbid-603]", "[tmdbid=603]", "[TMDBID-603]"; not "tmdbid-603" without brackets.
  private static final Pattern TMDB_TAG = Pattern.compile("\\[tmdbid[-=](\\d+)]", Pattern.CASE_INSENSITIVE);
  // Matches "(1999)" as the year; not "1999" without parentheses.
  private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)");
  // Matches "S01E02", "s1e2", "S01E01-E02", "S01E01E02"; not "1x02".
  private static final Pattern EPISODE = Pattern.compile("S(\\d{1,3})E(\\d{1,4})(?:-?E(\\d{1,4}))?",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> VIDEO_EXTENSIONS = Set.of("mkv", "mp4", "m4v", "avi", "mov", "ts", "webm");

  record Library(String name, String collectionType, String itemId, String location, Path disk) {}

  private final List<Library> libraries = new ArrayList<>();
  private final Map<String, FakeItem> items = new LinkedHashMap<>();
  private final Map<String, String> identifyAs = new LinkedHashMap<>();
  private final Map<String, String> collections = new LinkedHashMap<>();

  synchronized Library addLibrary(String name, String collectionType, String location, Path disk) {
    Library lib = new Library(name, collectionType, DotNetGuid.itemId(FOLDER_TYPE, location), location, disk);
    libraries.add(lib);
    return lib;
  }

  /** Files whose Jellyfin path contains {@code fragment} get {@code tmdbId}, whatever their tag says. */
  synchronized void identifyAs(String fragment, String tmdbId) {
    identifyAs.put(fragment, tmdbId);
  }

  /** Movies whose Jellyfin path contains {@code fragment} belong to the collection {@code name}. */
  synchronized void collect(String fragment, String name) {
    collections.put(fragment, name);
  }

  /** The collection (BoxSet item) holding a movie, if any. */
  synchronized Optional<FakeItem> collectionOf(FakeItem movie) {
    if (!"Movie".equals(movie.type())) {
      return Optional.empty();
    }
    return collections.entrySet().stream().filter(e -> movie.path().contains(e.getKey())).findFirst()
        .map(e -> new FakeItem(DotNetGuid.itemId(BOXSET_TYPE, e.getValue()), e.getValue(), "BoxSet",
            "/config/data/collections/" + e.getValue() + " [boxset]", Map.of("Tmdb", "9" + Math.floorMod(
                e.getValue().hashCode(), 100_000)), movie.dateCreated(), movie.libraryId(), 0, null, 0, 0, 0,
            movie.dateLastSaved()));
  }

  synchronized List<Library> libraries() {
    return List.copyOf(libraries);
  }

  synchronized List<FakeItem> items() {
    return List.copyOf(items.values());
  }

  synchronized Optional<FakeItem> item(String id) {
    return Optional.ofNullable(items.get(id));
  }

  synchronized Optional<FakeItem> itemAt(String path) {
    return items.values().stream().filter(i -> i.path().equals(path)).findFirst();
  }

  synchronized void put(FakeItem item) {
    items.put(item.id(), item);
  }

  synchronized Optional<FakeItem> remove(String id) {
    return Optional.ofNullable(items.remove(id));
  }

  synchronized Optional<Library> libraryHolding(String jellyfinPath) {
    return libraries.stream()
        .filter(l -> jellyfinPath.equals(l.location()) || jellyfinPath.startsWith(l.location() + "/"))
        .findFirst();
  }

  /** Scans the library holding {@code jellyfinPath}; gives the items created and removed. */
  synchronized ScanResult scan(String jellyfinPath, Instant now) {
    Optional<Library> lib = libraryHolding(jellyfinPath);
    if (lib.isEmpty()) {
      return new ScanResult(List.of(), List.of());
    }
    List<String> onDisk = videoPaths(lib.get());
    List<FakeItem> added = new ArrayList<>();
    for (String path : onDisk) {
      if (itemAt(path).isEmpty()) {
        if ("tvshows".equals(lib.get().collectionType())) {
          String folder = seriesFolder(lib.get(), path);
          if (itemAt(folder).isEmpty()) {
            FakeItem series = newSeries(lib.get(), folder, now).withDateCreated(fileTime(lib.get(), folder, now));
            items.put(series.id(), series);
          }
        }
        FakeItem item = newItem(lib.get(), path, now).withDateCreated(fileTime(lib.get(), path, now));
        items.put(item.id(), item);
        added.add(item);
      }
    }
    List<FakeItem> removed = items.values().stream()
        .filter(i -> i.libraryId().equals(lib.get().itemId()) && !onDisk.contains(i.path()))
        .filter(i -> !"Series".equals(i.type()) || onDisk.stream().noneMatch(p -> p.startsWith(i.path() + "/")))
        .toList();
    removed.forEach(i -> items.remove(i.id()));
    return new ScanResult(added, removed);
  }

  record ScanResult(List<FakeItem> added, List<FakeItem> removed) {}

  /**
   * Jellyfin's DateCreated for a new item: the file's time (the default "use file creation time
   * for date added"), not the scan time. A hardlink or a move keeps the inbox file's time, so a
   * new item can be dated long ago. The fake takes the file's modification time.
   */
  private static Instant fileTime(Library lib, String jellyfinPath, Instant fallback) {
    if (jellyfinPath.length() <= lib.location().length()) {
      return fallback;
    }
    Path onDisk = lib.disk().resolve(jellyfinPath.substring(lib.location().length() + 1));
    try {
      return Files.getLastModifiedTime(onDisk).toInstant();
    } catch (IOException e) {
      return fallback;
    }
  }

  /** The show folder holding an episode: the first folder below the library's location. */
  private static String seriesFolder(Library lib, String path) {
    String rest = path.substring(lib.location().length() + 1);
    int slash = rest.indexOf('/');
    return slash < 0 ? path : lib.location() + "/" + rest.substring(0, slash);
  }

  /** A series item for a show folder, identified from its [tmdbid-N] tag (or {@link #identifyAs}). */
  private FakeItem newSeries(Library lib, String folder, Instant now) {
    String folderName = folder.substring(folder.lastIndexOf('/') + 1);
    String title = folderName.replaceAll("\\s*\\[[^]]*]", "").replaceAll("\\s*\\(\\d{4}\\)", "").strip();
    Map<String, String> ids = new LinkedHashMap<>();
    tmdbFor(folder, folderName).ifPresent(id -> ids.put("Tmdb", id));
    Matcher year = YEAR.matcher(folderName);
    return new FakeItem(DotNetGuid.itemId(SERIES_TYPE, folder), title, "Series", folder, ids, now, lib.itemId(),
        year.find() ? Integer.parseInt(year.group(1)) : 0);
  }

  private FakeItem newItem(Library lib, String path, Instant now) {
    boolean shows = "tvshows".equals(lib.collectionType());
    String fullType = shows ? EPISODE_TYPE : MOVIE_TYPE;
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    String folder = path.substring(0, path.lastIndexOf('/'));
    String folderName = folder.substring(folder.lastIndexOf('/') + 1);
    String title = (shows ? fileName : folderName).replaceAll("\\.[^.]+$", "")
        .replaceAll("\\s*\\[[^]]*]", "").replaceAll("\\s*\\(\\d{4}\\)", "").strip();
    Map<String, String> ids = new LinkedHashMap<>();
    tmdbFor(path, shows ? fileName : folderName + "/" + fileName).ifPresent(id -> ids.put("Tmdb", id));
    Matcher year = YEAR.matcher(shows ? fileName : folderName);
    int productionYear = year.find() ? Integer.parseInt(year.group(1)) : 0;
    if (!shows) {
      return new FakeItem(DotNetGuid.itemId(fullType, path), title, "Movie", path, ids, now, lib.itemId(),
          productionYear);
    }
    // Like Jellyfin, an episode's ProviderIds.Tmdb is the episode's own id, never the show's.
    ids.putIfAbsent("Tmdb", String.valueOf(7_000_000 + Math.floorMod(path.hashCode(), 1_000_000)));
    Matcher numbers = EPISODE.matcher(fileName);
    int season = 0;
    int first = 0;
    int last = 0;
    if (numbers.find()) {
      season = Integer.parseInt(numbers.group(1));
      first = Integer.parseInt(numbers.group(2));
      last = numbers.group(3) == null ? first : Integer.parseInt(numbers.group(3));
    }
    return new FakeItem(DotNetGuid.itemId(fullType, path), title, "Episode", path, ids, now, lib.itemId(),
        productionYear, DotNetGuid.itemId(SERIES_TYPE, seriesFolder(lib, path)), season, first, last);
  }

  private Optional<String> tmdbFor(String path, String names) {
    for (Map.Entry<String, String> e : identifyAs.entrySet()) {
      if (path.contains(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    Matcher m = TMDB_TAG.matcher(names);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static List<String> videoPaths(Library lib) {
    if (!Files.isDirectory(lib.disk())) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(lib.disk())) {
      return files.filter(Files::isRegularFile)
          .map(f -> lib.disk().relativize(f))
          .filter(rel -> isVisibleVideo(rel))
          .map(rel -> lib.location() + "/" + rel.toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("fake Jellyfin could not scan " + lib.disk(), e);
    }
  }

  private static boolean isVisibleVideo(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    String name = relative.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return name.contains(".") && VIDEO_EXTENSIONS.contains(ext);
  }

  static JsonObject dto(FakeItem item, Set<String> fields, String serverId) {
    return dto(item, fields, serverId, java.util.function.UnaryOperator.identity());
  }

  /** The item as {@code GET /Items} shows it; {@code shownPath} applies the server's path substitutions. */
  static JsonObject dto(FakeItem item, Set<String> fields, String serverId,
      java.util.function.UnaryOperator<String> shownPath) {
    boolean series = "Series".equals(item.type()) || "BoxSet".equals(item.type());
    JsonObject o = new JsonObject().put("Name", item.name()).put("ServerId", serverId).put("Id", item.id())
        .put("Type", item.type()).put("IsFolder", series).put("LocationType", "FileSystem");
    if (!series) {
      o.put("MediaType", "Video");
    }
    // Base fields of BaseItemDto: always there for an episode, whatever "fields" asks for.
    if (item.seriesId() != null) {
      o.put("SeriesId", item.seriesId());
      if (item.season() > 0 || item.episode() > 0) {
        o.put("ParentIndexNumber", item.season()).put("IndexNumber", item.episode());
        if (item.episodeEnd() > item.episode()) {
          o.put("IndexNumberEnd", item.episodeEnd());
        }
      }
    }
    if (item.productionYear() > 0) {
      o.put("ProductionYear", item.productionYear());
    }
    if (fields.contains("path")) {
      o.put("Path", shownPath.apply(item.path()));
    }
    if (fields.contains("providerids")) {
      o.put("ProviderIds", new JsonObject(Map.copyOf(item.providerIds())));
    }
    if (fields.contains("datecreated")) {
      o.put("DateCreated", item.dateCreated().toString());
    }
    return o;
  }

  static JsonObject virtualFolder(Library lib) {
    return new JsonObject().put("Name", lib.name()).put("Locations", new JsonArray().add(lib.location()))
        .put("CollectionType", lib.collectionType()).put("ItemId", lib.itemId())
        .put("RefreshStatus", "Idle")
        .put("LibraryOptions", new JsonObject().put("EnableRealtimeMonitor", false)
            .put("PathInfos", new JsonArray().add(new JsonObject().put("Path", lib.location()))));
  }
}
