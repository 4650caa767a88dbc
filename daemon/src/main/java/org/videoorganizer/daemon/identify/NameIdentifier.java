package org.videoorganizer.daemon.identify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.naming.MediaIdentity.Kind;
import org.videoorganizer.core.nfo.NfoContent;
import org.videoorganizer.core.nfo.NfoReader;
import org.videoorganizer.core.parse.ExtraType;
import org.videoorganizer.core.parse.MediaType;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.daemon.source.FileKinds;
import org.videoorganizer.daemon.source.NfoFiles;
import org.videoorganizer.daemon.source.SourceGroup;

/**
 * Identifies a video from its name and folders (the parser) and from an NFO already next to it,
 * without TMDB. Ids and titles in an NFO win over the name, since a person or a tool that knew
 * better wrote them.
 */
public final class NameIdentifier implements Identifier {

  private static final Logger log = LoggerFactory.getLogger(NameIdentifier.class);
  // A sample the parser may miss: the word at the start or the end of the name, or between dots.
  // Must match: "sample-the.matrix.1999", "Movie.1999.SAMPLE", "Heat.1995-sample", "sample";
  // must not match: "Free Sample (2012)", "Samples of Life".
  private static final java.util.regex.Pattern SAMPLE =
      java.util.regex.Pattern.compile("(?i)^sample([._-]|$)|[._-]sample$|\\.sample\\.");
  static final String NO_TMDB = "named from the file name (TMDB matching not configured)";

  private final Function<Path, ParsedName> parser;
  private final String reason;
  private final NfoReader nfoReader = NfoReader.create();

  /** @param parser reads a path relative to the source root (folders and file name) */
  public NameIdentifier(Function<Path, ParsedName> parser) {
    this(parser, NO_TMDB);
  }

  /** @param reason what a video named from its file name alone says in the plan */
  public NameIdentifier(Function<Path, ParsedName> parser, String reason) {
    this.parser = parser;
    this.reason = reason;
  }

  @Override
  public Identification identify(SourceGroup group) {
    ParsedName parsed = parsed(group);
    if (parsed.extra() == ExtraType.SAMPLE || SAMPLE.matcher(stem(group.video())).find()) {
      return new Identification.Skip("a sample, not the video itself");
    }
    Optional<NfoContent> nfo = nfo(group);
    MediaIdentity id = MediaIdentity.from(parsed);
    if (nfo.isPresent()) {
      return fromNfo(id, parsed, nfo.get(), group);
    }
    return named(id, parsed, reason, group);
  }

  /** The parsed name of the group's video; an extra in an extras folder gets its owner's title. */
  ParsedName parsed(SourceGroup group) {
    return parseWithOwner(group.nameForParsing());
  }

  // An extra in an extras folder (Movie (2000)/trailers/x.mkv) belongs to the video the folder
  // above names: that folder gives title, year and ids; the extra keeps its own name.
  private ParsedName parseWithOwner(Path relative) {
    ParsedName parsed = parser.apply(relative);
    Path folder = relative.getParent();
    if (parsed.extra() == null || folder == null || folder.getParent() == null
        || !isExtrasFolder(folder.getFileName().toString())) {
      return parsed;
    }
    ParsedName owner = parser.apply(folder.getParent());
    return owner.title() == null ? parsed : owner.toBuilder().extra(parsed.extra()).build();
  }

  private static boolean isExtrasFolder(String name) {
    for (ExtraType t : ExtraType.values()) {
      if (t.folder().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return name.equalsIgnoreCase("extra") || name.equalsIgnoreCase("other") || name.equalsIgnoreCase("trailer");
  }

  private static Identification named(MediaIdentity id, ParsedName parsed, String reason, SourceGroup group) {
    if (datedHomeVideo(id, group)) {
      return new Identification.Named(new MediaIdentity(Kind.OTHER, id.title(), null, null, null, null, null,
          java.util.List.of(), null, id.airDate(), null, id.part(), id.extra(), null, null),
          "a dated home video (the name starts with its date, no show before it); filed under Other");
    }
    if (id.kind() == Kind.OTHER && parsed.type() != MediaType.UNKNOWN) {
      return new Identification.Review(
          "looks like " + parsed.type().name().toLowerCase(java.util.Locale.ROOT) + " but the name gives no "
              + (parsed.title() == null ? "title" : "episode number"));
    }
    if (id.kind() == Kind.OTHER && id.title() == null) {
      id = id.withTitle(stem(group.video()));
    }
    if (id.extra() != null) {
      id = id.withExtra(id.extra(), stem(group.video()));
    }
    String why = id.kind() == Kind.OTHER ? "not a movie or an episode by its name; filed under Other" : reason;
    return new Identification.Named(id, why);
  }

  private static Identification fromNfo(MediaIdentity id, ParsedName parsed, NfoContent nfo, SourceGroup group) {
    MediaIdentity merged = id;
    if (nfo.kind() == NfoContent.Kind.MOVIE && nfo.title() != null && id.kind() != Kind.EPISODE) {
      merged = MediaIdentity.movie(nfo.title(), nfo.year() != null ? nfo.year() : id.year())
          .withEdition(id.edition()).withPart(id.part());
    } else if (nfo.kind() == NfoContent.Kind.EPISODE && nfo.showTitle() != null && nfo.season() != null
        && !nfo.episodes().isEmpty()) {
      merged = MediaIdentity.episode(nfo.showTitle(), id.kind() == Kind.EPISODE ? id.year() : null,
          nfo.season(), nfo.episodes()).withEpisodeTitle(nfo.title()).withPart(id.part());
    }
    boolean seriesIds = merged.kind() == Kind.EPISODE && nfo.kind() != NfoContent.Kind.TVSHOW;
    if (nfo.hasIds() && !seriesIds) {
      merged = merged.withIds(first(nfo.tmdbId(), id.tmdbId()), first(nfo.imdbId(), id.imdbId()),
          first(nfo.tvdbId(), id.tvdbId()));
    }
    String reason = merged.title().equals(id.title()) ? "ids from the NFO next to it; title from the file name"
        : "title and ids from the NFO next to it";
    return named(merged.withExtra(id.extra(), null), parsed, nfo.hasIds() ? reason : "title from the NFO next to it", group);
  }

  // "2019-07-14 Beach day.mp4": the parser reads a date and a title as a daily show's episode. A
  // daily show names the show before the date ("The.Daily.Show.2019.07.14") or in its folder
  // ("The Daily Show/2019-07-14.mkv"); a name that starts with the date and holds the title itself
  // after it is a home video. Ids or episode numbers make it an episode whatever the name.
  private static final java.util.regex.Pattern LEADING_DATE =
      java.util.regex.Pattern.compile("^(19|20)\\d{2}[-._ ]?\\d{2}[-._ ]?\\d{2}(?!\\d)");

  static boolean datedHomeVideo(MediaIdentity id, SourceGroup group) {
    if (id.kind() != Kind.EPISODE || id.airDate() == null || !id.episodes().isEmpty() || id.title() == null
        || id.tmdbId() != null || id.imdbId() != null || id.tvdbId() != null) {
      return false;
    }
    String stem = stem(group.video());
    java.util.regex.Matcher date = LEADING_DATE.matcher(stem);
    return date.find() && letters(stem.substring(date.end())).contains(letters(id.title()));
  }

  private static String letters(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  /** The resolution, source and editions the name gives ("2160p BluRay"), if any. */
  @Override
  public Optional<String> versionLabel(SourceGroup group) {
    ParsedName p = parser.apply(group.nameForParsing());
    var parts = new java.util.ArrayList<String>();
    if (p.resolution() != null) {
      parts.add(p.resolution());
    }
    if (p.source() != null) {
      parts.add(p.source());
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
  }

  /**
   * What the NFOs next to the video say: the first readable one, XML before links-only before
   * plain text (a scene {@code .nfo} beside a Kodi {@code movie.nfo}), with ids the others add
   * (an IMDb link in the scene notes, a TMDB id in the XML).
   */
  Optional<NfoContent> nfo(SourceGroup group) {
    NfoContent base = null;
    var ordered = group.nfos().stream()
        .sorted(java.util.Comparator.comparing((SourceGroup.Sidecar s) -> NfoFiles.form(s.path()))).toList();
    for (SourceGroup.Sidecar s : ordered) {
      try {
        Optional<NfoContent> c = nfoReader.read(s.path());
        if (c.isEmpty()) {
          continue;
        }
        base = base == null ? c.get() : withMissingIds(base, c.get());
      } catch (IOException e) {
        log.warn("cannot read NFO {}: {}", s.path(), e.toString());
      }
    }
    return Optional.ofNullable(base);
  }

  // Ids of a second NFO of the same item (its kind the same or unknown, as a links-only file).
  private static NfoContent withMissingIds(NfoContent base, NfoContent more) {
    if (more.kind() != base.kind() && more.kind() != NfoContent.Kind.UNKNOWN) {
      return base;
    }
    return new NfoContent(base.kind(), base.title(), base.originalTitle(), base.showTitle(), base.year(),
        first(base.tmdbId(), more.tmdbId()), first(base.imdbId(), more.imdbId()), first(base.tvdbId(), more.tvdbId()),
        base.season(), base.episodes(), base.aired());
  }

  static String stem(Path file) {
    return FileKinds.stem(file);
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }
}
