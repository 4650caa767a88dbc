package org.videoorganizer.daemon.plan;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.naming.LibraryPath;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.naming.MediaIdentity.Kind;
import org.videoorganizer.core.nfo.NfoDetails;
import org.videoorganizer.core.nfo.NfoWriter;

/**
 * Which NFO files a named video gets (docs/reference/jellyfin.md §2): a movie with ids its
 * {@code <video>.nfo} with {@code uniqueid} elements; an episode of a show with ids the show's
 * {@code tvshow.nfo} (once) and its own {@code <video>.nfo}; a video filed under Other with a
 * date or year in its name (a home video) a {@code <movie>} NFO with its title and
 * {@code premiered} date. An NFO that came with the video wins (none is written in its place),
 * and a file already in the library is never replaced. Movies and episodes without ids, and
 * extras, get none: an NFO would add nothing Jellyfin lacks.
 */
final class NfoPlanner {

  private final JellyfinNaming naming;
  private final NfoWriter writer = NfoWriter.defaults();
  private final boolean enabled;

  NfoPlanner(JellyfinNaming naming, boolean enabled) {
    this.naming = naming;
    this.enabled = enabled;
  }

  /**
   * @param video the video's library path
   * @param hasOwnNfo whether an NFO travels with the video
   * @param claim takes a target for this run; false when another file of the run has it
   */
  List<PlannedNfo> plan(MediaIdentity id, LibraryPath video, boolean hasOwnNfo, Path library, Predicate<Path> claim) {
    return planAt(id, naming.nfo(video), hasOwnNfo, library, claim);
  }

  /**
   * As {@link #plan}, the video's own NFO at {@code nfo} (a disc folder's
   * {@code VIDEO_TS/VIDEO_TS.nfo}, a stacked movie's {@code movie.nfo}).
   */
  List<PlannedNfo> planAt(MediaIdentity id, LibraryPath nfo, boolean hasOwnNfo, Path library, Predicate<Path> claim) {
    if (!enabled || id.extra() != null) {
      return List.of();
    }
    if (id.kind() == Kind.OTHER) { // a home video: its title and the day it was taken, when the name gives one
      var out = new ArrayList<PlannedNfo>();
      if (!hasOwnNfo && id.title() != null && (id.airDate() != null || id.year() != null)) {
        add(out, nfo, writer.other(id), library, claim);
      }
      return out;
    }
    if (!hasIds(id)) {
      return List.of();
    }
    var out = new ArrayList<PlannedNfo>();
    if (id.kind() == Kind.EPISODE) {
      add(out, naming.tvshowNfo(id), writer.tvshow(id, NfoDetails.none()), library, claim);
    }
    if (!hasOwnNfo) {
      String own = id.kind() == Kind.MOVIE ? writer.movie(id, NfoDetails.none()) : writer.episode(id, NfoDetails.none());
      add(out, nfo, own, library, claim);
    }
    return out;
  }

  private static boolean hasIds(MediaIdentity id) {
    return id.tmdbId() != null || id.imdbId() != null || (id.kind() == Kind.EPISODE && id.tvdbId() != null);
  }

  private static void add(List<PlannedNfo> out, LibraryPath where, String content, Path library, Predicate<Path> claim) {
    Path target = where.resolveIn(library);
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && claim.test(target)) {
      out.add(new PlannedNfo(target, content));
    }
  }
}
