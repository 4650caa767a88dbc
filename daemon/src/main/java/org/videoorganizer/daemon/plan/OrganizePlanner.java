package org.videoorganizer.daemon.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.naming.LibraryPath;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.identify.Identifier;
import org.videoorganizer.daemon.plan.PlannedFile.Role;
import org.videoorganizer.daemon.plan.PlannedUnit.Action;
import org.videoorganizer.daemon.source.FileKinds;
import org.videoorganizer.daemon.source.NfoFiles;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.daemon.source.SourceGroup.Sidecar;
import org.videoorganizer.daemon.source.SourceScanner;

/**
 * Plans a run: walks the source, identifies each video with its sidecars and gives every file
 * its library path. Two files of one run never get the same target: the second video is skipped
 * with the reason, a second subtitle with the same flags gets a number. Videos with ids (a TMDB
 * match, an id in the name) get NFO files ({@link NfoPlanner}). Reads only; changes nothing on
 * disk.
 */
public final class OrganizePlanner {

  private final Identifier identifier;
  private final JellyfinNaming naming;
  private final NfoPlanner nfos;

  /** A planner that plans NFO files for videos with ids. */
  public OrganizePlanner(Identifier identifier, JellyfinNaming naming) {
    this(identifier, naming, true);
  }

  /** @param writeNfo whether videos with ids get NFO files written next to them */
  public OrganizePlanner(Identifier identifier, JellyfinNaming naming, boolean writeNfo) {
    this.identifier = identifier;
    this.naming = naming;
    this.nfos = new NfoPlanner(naming, writeNfo);
  }

  /**
   * A planner for groups already identified (the daemon's organize step): {@link #plan(SourceGroup,
   * Identification, Path)} only; {@link #plan(Path, Path)} needs an identifier.
   */
  public OrganizePlanner(JellyfinNaming naming, boolean writeNfo) {
    this(null, naming, writeNfo);
  }

  /**
   * The unit for one stored group, identified already, without walking the source: the video's
   * and its sidecars' library paths (subtitles with their language and flags, artwork by kind,
   * an XML or links-only NFO under the video's NFO name, a plain-text one left behind) and the
   * NFO files to write. The same planning as {@code vorg organize} gives each group of its walk;
   * targets are claimed within this unit only (the mover still never overwrites).
   *
   * @param library absolute, normalized library root
   */
  public PlannedUnit plan(SourceGroup group, Identification identification, Path library) {
    return unit(1, group, identification, new Targets(library, new HashMap<>()));
  }

  /**
   * The plan for organizing {@code source} into {@code library} (both absolute, normalized).
   *
   * @throws IllegalArgumentException when the folders overlap the wrong way or are not folders
   */
  public Plan plan(Path source, Path library) throws IOException {
    if (identifier == null) {
      throw new IllegalStateException("this planner has no identifier; it plans identified groups only");
    }
    checkFolders(source, library);
    SourceScanner.Result scan = new SourceScanner(library).scan(source);
    var units = new ArrayList<PlannedUnit>();
    var targets = new Targets(library, new HashMap<>());
    for (SourceGroup g : scan.groups()) {
      units.add(planGroup(units.size() + 1, g, targets));
    }
    for (SourceScanner.Skipped s : scan.skipped()) {
      var file = new PlannedFile(s.path(), null, roleOf(s.path()), null);
      units.add(new PlannedUnit(units.size() + 1, List.of(file), Action.SKIP, s.reason(), null));
    }
    return new Plan(source, library, units);
  }

  static void checkFolders(Path source, Path library) {
    if (!Files.isDirectory(source)) {
      throw new IllegalArgumentException("the source must be a folder; got " + source);
    }
    if (source.equals(library) || source.startsWith(library)) {
      throw new IllegalArgumentException("the source must not be the library or inside it; got source "
          + source + " and library " + library);
    }
  }

  private PlannedUnit planGroup(int id, SourceGroup g, Targets claimed) {
    return unit(id, g, identifier.identify(g), claimed);
  }

  private PlannedUnit unit(int id, SourceGroup g, Identification idf, Targets claimed) {
    List<PlannedFile> staying = stayingFiles(g);
    return switch (idf) {
      case Identification.Review r -> new PlannedUnit(id, staying, Action.REVIEW, r.reason(), null);
      case Identification.Skip s -> new PlannedUnit(id, staying, Action.SKIP, s.reason(), null);
      case Identification.Failed f -> new PlannedUnit(id, staying, Action.FAIL, f.reason(), null);
      case Identification.Named n -> named(id, g, n, claimed, staying);
    };
  }

  private PlannedUnit named(int id, SourceGroup g, Identification.Named n, Targets claimed,
      List<PlannedFile> staying) {
    if (g.disc() != null) {
      return disc(id, g, n, claimed, staying);
    }
    MediaIdentity identity = n.identity();
    LibraryPath video;
    try {
      video = naming.video(identity, FileKinds.extension(g.video().getFileName().toString()));
    } catch (IllegalArgumentException e) {
      return new PlannedUnit(id, staying, Action.REVIEW, "cannot be named: " + e.getMessage(), identity);
    }
    Path target = video.resolveIn(claimed.library());
    Path other = claimed.owners().get(target);
    if (other != null && identity.kind() == MediaIdentity.Kind.MOVIE && identity.versionLabel() == null) {
      var label = identifier == null ? java.util.Optional.<String>empty() : identifier.versionLabel(g);
      if (label.isPresent()) { // another version of the same movie: " - 2160p BluRay"
        identity = identity.withVersionLabel(label.get());
        video = naming.video(identity, FileKinds.extension(g.video().getFileName().toString()));
        target = video.resolveIn(claimed.library());
        other = claimed.owners().get(target);
      }
    }
    if (other != null) {
      return new PlannedUnit(id, staying, Action.SKIP,
          "another file of this run goes to the same target (" + other + "); pick one", identity);
    }
    claimed.owners().put(target, g.video());
    var files = new ArrayList<PlannedFile>();
    files.add(new PlannedFile(g.video(), target, Role.VIDEO, note(target)));
    // A stacked movie (part1, part2) is one movie to Jellyfin, read from one NFO: movie.nfo
    // (docs/reference/jellyfin.md §2.1), not one per part.
    boolean stacked = identity.kind() == MediaIdentity.Kind.MOVIE && identity.part() != null;
    LibraryPath nfoPath = stacked ? new LibraryPath(video.folders(), "movie", "nfo") : naming.nfo(video);
    boolean ownNfo = false;
    for (Sidecar s : carriedFirst(g.sidecars())) {
      if (s.kind() == Sidecar.Kind.NFO && !NfoFiles.publishable(s.path())) {
        files.add(new PlannedFile(s.path(), null, Role.NFO, SCENE_NFO));
        continue;
      }
      PlannedFile f = sidecar(s, video, nfoPath, claimed);
      ownNfo |= s.kind() == Sidecar.Kind.NFO && f.target() != null;
      files.add(f);
    }
    MediaIdentity nfoIdentity = stacked ? identity.withPart(null) : identity;
    List<PlannedNfo> written = nfos.planAt(nfoIdentity, nfoPath, ownNfo, claimed.library(),
        t -> claimed.owners().putIfAbsent(t, g.video()) == null);
    return new PlannedUnit(id, files, Action.ORGANIZE, n.reason(), identity, written);
  }

  // A DVD or Blu-ray folder goes whole into the movie's folder, its files keeping their paths
  // below VIDEO_TS/ or BDMV/ (and CERTIFICATE/); Jellyfin reads it as one movie, its NFO as
  // VIDEO_TS/VIDEO_TS.nfo (a DVD) or movie.nfo (docs/reference/jellyfin.md §1.2, §2.1).
  private PlannedUnit disc(int id, SourceGroup g, Identification.Named n, Targets claimed, List<PlannedFile> staying) {
    MediaIdentity identity = n.identity();
    SourceGroup.Disc disc = g.disc();
    if (identity.kind() != MediaIdentity.Kind.MOVIE || identity.extra() != null) {
      return new PlannedUnit(id, staying, Action.REVIEW, "a DVD or Blu-ray folder is one movie to Jellyfin, but its "
          + "name does not give a movie; name its folder 'Title (Year)'", identity);
    }
    LibraryPath video;
    try {
      video = naming.video(identity.withPart(null), "mkv");
    } catch (IllegalArgumentException e) {
      return new PlannedUnit(id, staying, Action.REVIEW, "cannot be named: " + e.getMessage(), identity);
    }
    Path movieDir = video.resolveIn(claimed.library()).getParent();
    String folderName = disc.format() == SourceGroup.Disc.Format.DVD ? "VIDEO_TS" : "BDMV";
    Path other = claimed.owners().get(movieDir);
    if (other != null || claimed.owners().containsKey(video.resolveIn(claimed.library()))) {
      return new PlannedUnit(id, staying, Action.SKIP,
          "another video of this run goes to the same movie folder (" + movieDir + "); pick one", identity);
    }
    claimed.owners().put(movieDir, g.video());
    var files = new ArrayList<PlannedFile>();
    List<Path> ordered = new ArrayList<>(disc.files());
    ordered.remove(g.video());
    ordered.addFirst(g.video());
    for (Path f : ordered) {
      Path target = f.startsWith(disc.folder())
          ? movieDir.resolve(folderName).resolve(disc.folder().relativize(f).toString())
          : movieDir.resolve(disc.folder().getParent().relativize(f).toString()); // CERTIFICATE/...
      claimed.owners().put(target, f);
      files.add(new PlannedFile(f, target, Role.VIDEO, note(target)));
    }
    List<String> nfoFolders = new ArrayList<>(video.folders());
    LibraryPath nfo = disc.format() == SourceGroup.Disc.Format.DVD
        ? new LibraryPath(append(video.folders(), "VIDEO_TS"), "VIDEO_TS", "nfo")
        : new LibraryPath(nfoFolders, "movie", "nfo");
    boolean ownNfo = false;
    for (Sidecar s : carriedFirst(g.sidecars())) {
      String ext = FileKinds.extension(s.path().getFileName().toString());
      Path target = switch (s.kind()) {
        case NFO -> NfoFiles.publishable(s.path()) ? nfo.resolveIn(claimed.library()) : null;
        case ARTWORK -> movieDir.resolve(s.artwork() + "." + ext);
        case SUBTITLE -> null;
      };
      if (target == null) {
        files.add(new PlannedFile(s.path(), null, roleOf(s.path()), s.kind() == Sidecar.Kind.NFO ? SCENE_NFO
            : "Jellyfin reads no external subtitles for a disc folder; stays in the source"));
      } else if (claimed.owners().putIfAbsent(target, s.path()) != null) {
        files.add(new PlannedFile(s.path(), null, roleOf(s.path()), "another file of this run goes to " + target));
      } else {
        ownNfo |= s.kind() == Sidecar.Kind.NFO;
        files.add(new PlannedFile(s.path(), target, roleOf(s.path()), note(target)));
      }
    }
    List<PlannedNfo> written = nfos.planAt(identity, nfo, ownNfo, claimed.library(),
        t -> claimed.owners().putIfAbsent(t, g.video()) == null);
    return new PlannedUnit(id, files, Action.ORGANIZE, n.reason() + "; a " + (disc.format() == SourceGroup.Disc.Format.DVD
        ? "DVD" : "Blu-ray") + " folder, moved whole", identity, written);
  }

  private static List<String> append(List<String> folders, String folder) {
    var out = new ArrayList<>(folders);
    out.add(folder);
    return out;
  }

  private PlannedFile sidecar(Sidecar s, LibraryPath video, LibraryPath nfo, Targets claimed) {
    String ext = FileKinds.extension(s.path().getFileName().toString());
    LibraryPath lp = switch (s.kind()) {
      case SUBTITLE -> naming.subtitle(video, s.subtitle(), ext);
      case NFO -> nfo;
      case ARTWORK -> naming.artwork(video, s.artwork(), ext);
    };
    Path target = lp.resolveIn(claimed.library());
    for (int n = 2; claimed.owners().containsKey(target) && s.kind() == Sidecar.Kind.SUBTITLE; n++) {
      String rest = lp.baseName().substring(video.baseName().length());
      target = new LibraryPath(lp.folders(), video.baseName() + "." + n + rest, lp.extension()).resolveIn(claimed.library());
    }
    if (claimed.owners().containsKey(target)) {
      return new PlannedFile(s.path(), null, roleOf(s.path()), "another file of this run goes to " + target);
    }
    claimed.owners().put(target, s.path());
    return new PlannedFile(s.path(), target, roleOf(s.path()), note(target));
  }

  /** Why a plain-text NFO stays in the source. */
  static final String SCENE_NFO = "a plain-text NFO (release notes), not XML Jellyfin reads; stays in the source";

  // The sidecars in their order, the NFOs among themselves in the order they claim the video's
  // NFO name: XML, then links only, then plain text (a stable sort).
  private static List<Sidecar> carriedFirst(List<Sidecar> sidecars) {
    var nfos = sidecars.stream().filter(s -> s.kind() == Sidecar.Kind.NFO)
        .sorted(java.util.Comparator.comparing((Sidecar s) -> NfoFiles.form(s.path()))).iterator();
    return sidecars.stream().map(s -> s.kind() == Sidecar.Kind.NFO ? nfos.next() : s).toList();
  }

  // The library of the plan being made and the targets given so far, with their sources.
  private record Targets(Path library, Map<Path, Path> owners) {}

  private static String note(Path target) {
    return Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? "target exists; bytes are compared when run" : null;
  }

  private static List<PlannedFile> stayingFiles(SourceGroup g) {
    var files = new ArrayList<PlannedFile>();
    files.add(new PlannedFile(g.video(), null, Role.VIDEO, null));
    if (g.disc() != null) {
      g.disc().files().stream().filter(f -> !f.equals(g.video()))
          .forEach(f -> files.add(new PlannedFile(f, null, Role.VIDEO, null)));
    }
    g.sidecars().forEach(s -> files.add(new PlannedFile(s.path(), null, roleOf(s.path()), null)));
    return files;
  }

  static Role roleOf(Path p) {
    String ext = FileKinds.extension(p.getFileName().toString());
    if (ext.equals("nfo")) {
      return Role.NFO;
    }
    if (FileKinds.ARTWORK.contains(ext)) {
      return Role.ARTWORK;
    }
    return FileKinds.SUBTITLE.contains(ext) ? Role.SUBTITLE : Role.VIDEO;
  }
}
