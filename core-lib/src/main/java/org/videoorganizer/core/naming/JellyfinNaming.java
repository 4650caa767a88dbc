package org.videoorganizer.core.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.videoorganizer.core.naming.MediaIdentity.Kind;
import org.videoorganizer.core.naming.NameFitter.Segment;
import org.videoorganizer.core.parse.ExtraType;
import org.videoorganizer.core.parse.SubtitleFacts;

/**
 * Turns a {@link MediaIdentity} into its Jellyfin path below the library root (see
 * docs/reference/jellyfin.md §1.9), and names the sidecars that follow a video. Thread-safe.
 *
 * <pre>{@code
 * var naming = JellyfinNaming.builder().idTags(true).build();
 * LibraryPath p = naming.video(MediaIdentity.movie("Heat", 1995).withIds(949L, null, null), "mkv");
 * p.relative(); // Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv
 * }</pre>
 */
public final class JellyfinNaming {

  // A video's base name leaves room for the longest sidecar suffix (".eng.sdh.forced.default.srt").
  static final int VIDEO_BASE_BYTES = SafeName.MAX_COMPONENT_BYTES - 40;
  // A movie folder leaves room in the file name for " - <label> - part<N>".
  static final int MOVIE_FOLDER_BYTES = VIDEO_BASE_BYTES - 55;
  private static final int LABEL_BYTES = 40;

  private final boolean idTags;
  private final String movies;
  private final String shows;
  private final String other;

  private JellyfinNaming(Builder b) {
    idTags = b.idTags;
    movies = b.movies;
    shows = b.shows;
    other = b.other;
  }

  /** Id tags on, top folders {@code Movies}, {@code TV Shows}, {@code Other}. */
  public static JellyfinNaming defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The path of a video with the given extension ({@code mkv}, {@code .mp4}). */
  public LibraryPath video(MediaIdentity id, String extension) {
    String ext = SafeName.extension(extension);
    return switch (id.kind()) {
      case MOVIE -> movie(id, ext);
      case EPISODE -> episode(id, ext);
      case OTHER -> otherVideo(id, ext);
    };
  }

  /** A subtitle or external audio track next to a video: {@code Base.en.sdh.forced.default.srt}. */
  public LibraryPath subtitle(LibraryPath video, SubtitleFacts facts, String extension) {
    var sb = new StringBuilder(video.baseName());
    if (facts != null) {
      String lang = facts.language() == null ? "" : facts.language().replaceAll("[^A-Za-z0-9-]", "");
      if (!lang.isEmpty() && lang.length() <= 12) {
        sb.append('.').append(lang);
      }
      sb.append(facts.sdh() ? ".sdh" : "").append(facts.forced() ? ".forced" : "");
      sb.append(facts.isDefault() ? ".default" : "");
    }
    return new LibraryPath(video.folders(), sb.toString(), SafeName.extension(extension));
  }

  /** The NFO of a video: {@code <video base name>.nfo}, read by Jellyfin for movies and episodes. */
  public LibraryPath nfo(LibraryPath video) {
    return new LibraryPath(video.folders(), video.baseName(), "nfo");
  }

  /**
   * Artwork of a video. Movies: {@code poster.jpg}, {@code fanart.jpg} in the movie folder;
   * episodes and other videos: {@code <base>-thumb.jpg} (or {@code -<kind>}).
   */
  public LibraryPath artwork(LibraryPath video, String kind, String extension) {
    String k = SafeName.clean(kind).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    k = k.isEmpty() ? "poster" : SafeName.cut(k, 20);
    boolean movieFolder = video.folders().size() == 2 && video.folders().get(0).equals(movies);
    String base = movieFolder ? k : video.baseName() + "-" + k;
    return new LibraryPath(video.folders(), base, SafeName.extension(extension));
  }

  /** {@code tvshow.nfo} in the series folder of an episode identity. */
  public LibraryPath tvshowNfo(MediaIdentity episode) {
    requireKind(episode, Kind.EPISODE);
    return new LibraryPath(List.of(shows, seriesFolder(episode)), "tvshow", "nfo");
  }

  /** {@code season.nfo} in the season folder of an episode identity. */
  public LibraryPath seasonNfo(MediaIdentity episode) {
    requireKind(episode, Kind.EPISODE);
    return new LibraryPath(List.of(shows, seriesFolder(episode), seasonFolder(episode)), "season", "nfo");
  }

  private LibraryPath movie(MediaIdentity id, String ext) {
    String folder = SafeName.component(NameFitter.fit(List.of(
        new Segment("", SafeName.clean(id.title()), 1), Segment.fixed(year(id)),
        Segment.fixed(movieTag(id))), MOVIE_FOLDER_BYTES), "Untitled");
    if (id.extra() != null) {
      return extra(List.of(movies, folder), id, ext);
    }
    String label = SafeName.cut(SafeName.clean(join(id.edition(), id.versionLabel())), LABEL_BYTES);
    String base = folder + (label.isEmpty() ? "" : " - " + label) + partSuffix(id);
    return new LibraryPath(List.of(movies, folder), SafeName.component(base, folder), ext);
  }

  private LibraryPath episode(MediaIdentity id, String ext) {
    var folders = List.of(shows, seriesFolder(id), seasonFolder(id));
    if (id.extra() != null) {
      return extra(folders, id, ext);
    }
    String base = NameFitter.fit(List.of(
        new Segment("", SafeName.clean(id.title()), 1), Segment.fixed(" " + episodeNumbers(id)),
        new Segment(" - ", SafeName.clean(id.episodeTitle()), 2), Segment.fixed(partSuffix(id))),
        VIDEO_BASE_BYTES);
    return new LibraryPath(folders, SafeName.component(base, "Episode"), ext);
  }

  private LibraryPath otherVideo(MediaIdentity id, String ext) {
    if (id.title() == null) {
      throw new IllegalArgumentException("naming an other video needs a title; got none: " + id);
    }
    var folders = new ArrayList<String>(List.of(other));
    Integer year = id.year() != null ? id.year() : id.airDate() != null ? id.airDate().getYear() : null;
    if (year != null) {
      folders.add(String.valueOf(year));
    }
    if (id.extra() != null) {
      return extra(folders, id, ext);
    }
    String base = NameFitter.fit(List.of(new Segment("", SafeName.clean(id.title()), 1),
        Segment.fixed(dateSuffix(id)), Segment.fixed(partSuffix(id))), VIDEO_BASE_BYTES);
    return new LibraryPath(folders, SafeName.component(base, "Video"), ext);
  }

  /**
   * A dated home video keeps its date in the name, so two videos of one title on different days
   * do not collide: {@code Birthday party 2019-05-04}. Not repeated when the title already holds
   * it ({@code VID_20190504_101500}).
   */
  private static String dateSuffix(MediaIdentity id) {
    if (id.airDate() == null) {
      return "";
    }
    String iso = id.airDate().toString();
    String compact = iso.replace("-", "");
    return id.title().contains(iso) || id.title().contains(compact) ? "" : " " + iso;
  }

  private static LibraryPath extra(List<String> parent, MediaIdentity id, String ext) {
    ExtraType type = id.extra();
    String fallback = defaultExtraName(type);
    String name = SafeName.cut(SafeName.clean(id.extraTitle()), VIDEO_BASE_BYTES);
    var folders = new ArrayList<>(parent);
    folders.add(type.folder());
    return new LibraryPath(folders, SafeName.component(name, fallback), ext);
  }

  private String seriesFolder(MediaIdentity id) {
    return SafeName.component(NameFitter.fit(List.of(
        new Segment("", SafeName.clean(id.title()), 1), Segment.fixed(year(id)),
        Segment.fixed(seriesTag(id))), VIDEO_BASE_BYTES), "Untitled");
  }

  // Daily shows without a season number go into the folder of their air year.
  private static String seasonFolder(MediaIdentity id) {
    int season = id.season() != null ? id.season() : id.airDate().getYear();
    return String.format(Locale.ROOT, "Season %02d", season);
  }

  private static String episodeNumbers(MediaIdentity id) {
    List<Integer> eps = id.episodes();
    if (eps.isEmpty()) {
      return id.airDate().toString();
    }
    int season = id.season() == null ? 1 : id.season();
    String first = String.format(Locale.ROOT, "S%02dE%02d", season, eps.getFirst());
    return eps.size() == 1 ? first : first + String.format(Locale.ROOT, "-E%02d", eps.getLast());
  }

  private String movieTag(MediaIdentity id) {
    if (!idTags) {
      return "";
    }
    if (id.tmdbId() != null) {
      return " [tmdbid-" + id.tmdbId() + "]";
    }
    return validImdb(id.imdbId()) ? " [imdbid-" + id.imdbId() + "]" : "";
  }

  private String seriesTag(MediaIdentity id) {
    if (!idTags) {
      return "";
    }
    if (id.tmdbId() != null) {
      return " [tmdbid-" + id.tmdbId() + "]";
    }
    if (id.tvdbId() != null) {
      return " [tvdbid-" + id.tvdbId() + "]";
    }
    return validImdb(id.imdbId()) ? " [imdbid-" + id.imdbId() + "]" : "";
  }

  private static boolean validImdb(String imdb) {
    return imdb != null && imdb.matches("tt\\d{7,8}");
  }

  private static String year(MediaIdentity id) {
    return id.year() == null ? "" : " (" + id.year() + ")";
  }

  private static String partSuffix(MediaIdentity id) {
    return id.part() == null ? "" : " - part" + id.part();
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b == null ? "" : b;
    }
    return b == null || b.isBlank() ? a : a + " " + b;
  }

  private static String defaultExtraName(ExtraType type) {
    String words = type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static void requireKind(MediaIdentity id, Kind kind) {
    if (id.kind() != kind) {
      throw new IllegalArgumentException("expected a " + kind + " identity; got " + id.kind());
    }
  }

  /** Options of the naming; each has a default. */
  public static final class Builder {
    private boolean idTags = true;
    private String movies = "Movies";
    private String shows = "TV Shows";
    private String other = "Other";

    private Builder() {}

    /** Whether folder names carry {@code [tmdbid-N]} (or tvdb/imdb) tags. Default true. */
    public Builder idTags(boolean on) {
      idTags = on;
      return this;
    }

    /** Names of the three top folders. */
    public Builder topFolders(String moviesFolder, String showsFolder, String otherFolder) {
      movies = top(moviesFolder);
      shows = top(showsFolder);
      other = top(otherFolder);
      return this;
    }

    public JellyfinNaming build() {
      return new JellyfinNaming(this);
    }

    private static String top(String name) {
      String clean = SafeName.clean(name);
      if (clean.isEmpty() || !clean.equals(name)) {
        throw new IllegalArgumentException("a top folder name must be a safe component; got '" + name + "'");
      }
      return clean;
    }
  }
}
