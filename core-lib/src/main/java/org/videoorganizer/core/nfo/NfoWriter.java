package org.videoorganizer.core.nfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.naming.MediaIdentity.Kind;

/**
 * Writes the NFO files Jellyfin reads (docs/reference/jellyfin.md §2): {@code movie.nfo} or
 * {@code <video>.nfo}, {@code tvshow.nfo}, {@code season.nfo} and episode NFOs, one
 * {@code <episodedetails>} per episode of a multi-episode file. Output is UTF-8 text, well-formed
 * for any title; ids go in {@code uniqueid} elements (the first one {@code default="true"}) and
 * in the {@code <provider>id} elements Jellyfin itself writes. Thread-safe.
 */
public final class NfoWriter {

  private static final String HEADER = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n";

  private final boolean lockData;

  private NfoWriter(boolean lockData) {
    this.lockData = lockData;
  }

  /** A writer that lets Jellyfin fill what the NFO leaves out ({@code lockdata} false). */
  public static NfoWriter defaults() {
    return new NfoWriter(false);
  }

  /**
   * A writer with {@code <lockdata>} set as given: true tells Jellyfin the NFO is complete and
   * remote metadata must not be fetched.
   */
  public static NfoWriter withLockData(boolean lockData) {
    return new NfoWriter(lockData);
  }

  /** A movie NFO: root {@code <movie>}. */
  public String movie(MediaIdentity id, NfoDetails details) {
    require(id, Kind.MOVIE, "movie");
    var x = new XmlBuilder("movie");
    x.element("title", id.title()).element("originaltitle", details.originalTitle());
    x.element("year", id.year()).element("premiered", details.premiered());
    x.element("plot", details.plot()).element("runtime", details.runtimeMinutes());
    ids(x, id, false);
    return finish(x);
  }

  /**
   * An NFO for a video filed under Other (a home video): root {@code <movie>}, which Jellyfin's
   * video NFO reader takes for any video, with the title and the day it was taken as
   * {@code premiered} (and its year) - what Jellyfin cannot find for it anywhere else.
   */
  public String other(MediaIdentity id) {
    require(id, Kind.OTHER, "other");
    var x = new XmlBuilder("movie");
    x.element("title", id.title());
    x.element("year", id.year() != null ? id.year() : id.airDate() != null ? Integer.valueOf(id.airDate().getYear()) : null);
    x.element("premiered", id.airDate());
    return finish(x);
  }

  /** A series NFO: root {@code <tvshow>}, from any episode identity of the series. */
  public String tvshow(MediaIdentity id, NfoDetails details) {
    require(id, Kind.EPISODE, "tvshow");
    var x = new XmlBuilder("tvshow");
    x.element("title", id.title()).element("originaltitle", details.originalTitle());
    x.element("year", id.year()).element("premiered", details.premiered());
    x.element("plot", details.plot());
    ids(x, id, true);
    return finish(x);
  }

  /** A season NFO: root {@code <season>}; season 0 is titled "Specials". */
  public String season(MediaIdentity id) {
    require(id, Kind.EPISODE, "season");
    if (id.season() == null) {
      throw new IllegalArgumentException("a season NFO needs a season number; got none for " + id.title());
    }
    var x = new XmlBuilder("season");
    String title = id.season() == 0 ? "Specials" : String.format(Locale.ROOT, "Season %d", id.season());
    x.element("title", title).element("seasonnumber", id.season());
    return finish(x);
  }

  /**
   * An episode NFO: one {@code <episodedetails>} block per episode number (Kodi's multi-episode
   * form, which Jellyfin reads by splitting). A title holding one " / "-separated part per
   * episode is split between the blocks. Series ids are not written: they are not episode ids.
   */
  public String episode(MediaIdentity id, NfoDetails details) {
    require(id, Kind.EPISODE, "episode");
    List<Integer> numbers = id.episodes().isEmpty() ? java.util.Collections.singletonList(null) : id.episodes();
    List<String> titles = titles(id.episodeTitle(), numbers.size());
    var sb = new StringBuilder(HEADER);
    for (int i = 0; i < numbers.size(); i++) {
      var x = new XmlBuilder("episodedetails");
      x.element("title", titles.get(i)).element("showtitle", id.title());
      x.element("season", id.season()).element("episode", numbers.get(i));
      x.element("aired", id.airDate() != null ? id.airDate() : details.premiered());
      x.element("plot", i == 0 ? details.plot() : null).element("runtime", details.runtimeMinutes());
      x.element("lockdata", lockData);
      sb.append(x.close());
    }
    return sb.toString();
  }

  private static List<String> titles(String title, int count) {
    var parts = title == null ? List.<String>of() : List.of(title.split(" / "));
    var out = new ArrayList<String>(count);
    for (int i = 0; i < count; i++) {
      out.add(parts.size() == count ? parts.get(i) : title);
    }
    return out;
  }

  private void ids(XmlBuilder x, MediaIdentity id, boolean series) {
    boolean first = true;
    if (id.tmdbId() != null) {
      x.uniqueId("tmdb", id.tmdbId().toString(), first);
      first = false;
    }
    if (id.imdbId() != null) {
      x.uniqueId("imdb", id.imdbId(), first);
      first = false;
    }
    if (series && id.tvdbId() != null) {
      x.uniqueId("tvdb", id.tvdbId().toString(), first);
    }
    x.element("tmdbid", id.tmdbId()).element(series ? "imdb_id" : "imdbid", id.imdbId());
    x.element("tvdbid", series ? id.tvdbId() : null);
  }

  private String finish(XmlBuilder x) {
    x.element("lockdata", lockData);
    return HEADER + x.close();
  }

  private static void require(MediaIdentity id, Kind kind, String what) {
    if (id.kind() != kind) {
      throw new IllegalArgumentException("a " + what + " NFO needs a " + kind + " identity; got " + id.kind());
    }
  }

  /** Indented elements below one root; null values are skipped. */
  private static final class XmlBuilder {
    private final String root;
    private final StringBuilder sb = new StringBuilder();

    XmlBuilder(String root) {
      this.root = root;
      sb.append('<').append(root).append(">\n");
    }

    XmlBuilder element(String name, Object value) {
      if (value != null && !value.toString().isBlank()) {
        sb.append("  <").append(name).append('>').append(XmlText.escape(value.toString()))
            .append("</").append(name).append(">\n");
      }
      return this;
    }

    void uniqueId(String type, String value, boolean isDefault) {
      sb.append("  <uniqueid type=\"").append(type).append('"')
          .append(isDefault ? " default=\"true\"" : "").append('>')
          .append(XmlText.escape(value)).append("</uniqueid>\n");
    }

    String close() {
      return sb.append("</").append(root).append(">\n").toString();
    }
  }
}
