package org.videoorganizer.daemon.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a source folder without following links and groups each video with its sidecars. Hidden
 * names (a leading dot: our trash and temporary files too), system folders, the library itself
 * and files still being written are left out; what cannot be organized is reported with a reason.
 */
public final class SourceScanner {

  /**
   * A file left where it is, and why.
   *
   * @param readFailed true when the file or folder could not be read at all (permissions, I/O):
   *     the walk is incomplete there, and ingest must not take what it did not see as gone
   */
  public record Skipped(Path path, String reason, boolean readFailed) {

    public Skipped(Path path, String reason) {
      this(path, reason, false);
    }
  }

  /** What the walk found. */
  public record Result(List<SourceGroup> groups, List<Skipped> skipped) {}

  private static final Set<String> SYSTEM_FOLDERS = Set.of("@eadir", "eadir", "#recycle", "@recycle",
      "$recycle.bin", "lost+found", "system volume information");
  private static final Set<String> SUB_FOLDERS = Set.of("subs", "subtitles", "sub");
  /** How deep a walk goes below a source root. */
  public static final int MAX_DEPTH = 32;

  private final Path library;

  public SourceScanner(Path library) {
    this.library = library;
  }

  /**
   * Whether a walk leaves a folder of this name out: hidden (our trash, temporary uploads) or a
   * NAS or OS system folder ({@code @eaDir}, {@code #recycle}, {@code $RECYCLE.BIN}, ...). The one
   * rule for {@code vorg organize} and the daemon's ingest.
   */
  public static boolean skipsFolder(String name) {
    return FileKinds.hidden(name) || SYSTEM_FOLDERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Every video below {@code root} with its sidecars, and what was left out and why. */
  public Result scan(Path root) throws IOException {
    return scan(root, root, MAX_DEPTH);
  }

  /**
   * The group of one video, from its own folder and the subtitle folders below it ({@code Subs/},
   * {@code Subs/<release>/}) only, without walking the rest of the source: what the daemon
   * fingerprints. {@code root} is the source root the video's path is read against.
   */
  public Optional<SourceGroup> groupOf(Path root, Path video) throws IOException {
    Path start = video.getParent();
    for (Path d = video.getParent(); d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
      if (discFormat(d) != null) { // a file of a disc folder: the title folder above it
        start = d.getParent();
        break;
      }
    }
    return scan(root, start, 3).groups().stream()
        .filter(g -> g.video().equals(video) || (g.disc() != null && g.disc().files().contains(video))).findFirst();
  }

  /** The disc format a folder's name says ({@code VIDEO_TS}, {@code BDMV}), or null. */
  static SourceGroup.Disc.Format discFormat(Path dir) {
    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
    if (name.equalsIgnoreCase("VIDEO_TS")) {
      return SourceGroup.Disc.Format.DVD;
    }
    return name.equalsIgnoreCase("BDMV") ? SourceGroup.Disc.Format.BLURAY : null;
  }

  // Every regular file of a disc folder (and a Blu-ray's CERTIFICATE folder), sorted; links left out.
  private static List<Path> discFiles(Path folder, SourceGroup.Disc.Format format) throws IOException {
    var files = new ArrayList<Path>();
    var dirs = new ArrayList<Path>(List.of(folder));
    if (format == SourceGroup.Disc.Format.BLURAY) {
      certificate(folder).ifPresent(dirs::add);
    }
    for (Path d : dirs) {
      try (var walk = Files.walk(d, MAX_DEPTH)) {
        walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).forEach(files::add);
      }
    }
    files.sort(null);
    return files;
  }

  private static Optional<Path> certificate(Path bdmv) throws IOException {
    try (var siblings = Files.list(bdmv.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().equalsIgnoreCase("CERTIFICATE")
          && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).findFirst();
    }
  }

  // The disc's main file: VIDEO_TS.IFO or index.bdmv, else its first video, else its first file.
  private static Path discMain(SourceGroup.Disc disc) {
    String main = disc.format() == SourceGroup.Disc.Format.DVD ? "VIDEO_TS.IFO" : "index.bdmv";
    return disc.files().stream().filter(f -> f.getParent().equals(disc.folder())
            && f.getFileName().toString().equalsIgnoreCase(main)).findFirst()
        .or(() -> disc.files().stream().filter(f -> FileKinds.isVideo(f.getFileName().toString())).findFirst())
        .orElse(disc.files().getFirst());
  }

  private Result scan(Path root, Path start, int depth) throws IOException {
    var byDir = new LinkedHashMap<Path, List<Path>>();
    var skipped = new ArrayList<Skipped>();
    var discs = new LinkedHashMap<Path, SourceGroup.Disc>(); // by title folder
    Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), depth,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            boolean skip = !dir.equals(start) && (skipsFolder(name) || dir.equals(library));
            if (skip) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            var format = dir.equals(start) ? null : discFormat(dir);
            if (format != null) { // a DVD or Blu-ray folder: one movie, moved whole
              disc(dir, format, discs, skipped);
              return FileVisitResult.SKIP_SUBTREE;
            }
            boolean certificate = name.equalsIgnoreCase("CERTIFICATE") && dir.getParent() != null
                && Files.isDirectory(dir.resolveSibling("BDMV"));
            return certificate ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            classify(file, attrs, byDir, skipped);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            // a file that went away during the walk is no problem of the walk
            skipped.add(new Skipped(file, "cannot read: " + e.getMessage(), !(e instanceof java.nio.file.NoSuchFileException)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) { // the listing broke off part way
              skipped.add(new Skipped(dir, "cannot read the whole folder: " + e.getMessage(), true));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    var owners = new LinkedHashMap<Path, List<SourceGroup.Sidecar>>();
    byDir.values().forEach(files -> files.stream().filter(f -> FileKinds.isVideo(f.getFileName().toString()))
        .sorted().forEach(v -> owners.put(v, new ArrayList<>())));
    // A disc stands in its title folder as a video named like the folder, so the folder's
    // movie.nfo, poster.jpg and <Title>.nfo go with it.
    var discByStandIn = new LinkedHashMap<Path, SourceGroup.Disc>();
    discs.forEach((title, disc) -> {
      Path standIn = title.resolve(title.getFileName() + ".vob");
      discByStandIn.put(standIn, disc);
      owners.put(standIn, new ArrayList<>());
      byDir.computeIfAbsent(title, d -> new ArrayList<>());
    });
    for (var entry : byDir.entrySet()) {
      var here = new ArrayList<>(entry.getValue());
      discByStandIn.keySet().stream().filter(v -> v.getParent().equals(entry.getKey())).forEach(here::add);
      attach(entry.getKey(), here, byDir, owners, skipped);
    }
    var groups = new ArrayList<SourceGroup>();
    owners.forEach((video, list) -> {
      SourceGroup.Disc disc = discByStandIn.get(video);
      groups.add(disc == null ? new SourceGroup(root, video, list) : new SourceGroup(root, discMain(disc), list, disc));
    });
    groups.sort(java.util.Comparator.comparing(SourceGroup::video));
    skipped.sort(java.util.Comparator.comparing(Skipped::path));
    return new Result(groups, skipped);
  }

  private static void disc(Path dir, SourceGroup.Disc.Format format, Map<Path, SourceGroup.Disc> discs,
      List<Skipped> skipped) {
    List<Path> files;
    try {
      files = discFiles(dir, format);
    } catch (IOException | java.io.UncheckedIOException e) {
      skipped.add(new Skipped(dir, "cannot read the disc folder: " + e.getMessage()));
      return;
    }
    var partial = files.stream().filter(f -> FileKinds.inProgress(f.getFileName().toString())
        || !PathText.roundTrips(f)).findFirst();
    if (files.isEmpty() || partial.isPresent()) {
      skipped.add(new Skipped(dir, files.isEmpty() ? "an empty disc folder"
          : "a disc folder with a file still being written or not valid UTF-8: " + PathText.escaped(partial.get())));
    } else if (discs.containsKey(dir.getParent())) {
      skipped.add(new Skipped(dir, "a second disc folder in " + dir.getParent() + "; one movie per folder"));
    } else {
      discs.put(dir.getParent(), new SourceGroup.Disc(dir, format, files));
    }
  }

  private static void classify(Path file, BasicFileAttributes attrs, Map<Path, List<Path>> byDir,
      List<Skipped> skipped) {
    String name = file.getFileName().toString();
    if (FileKinds.hidden(name)) {
      return;
    }
    boolean relevant = FileKinds.isVideo(name) || FileKinds.isSidecar(name);
    if (!PathText.roundTrips(file)) {
      skipped.add(new Skipped(file, "the name is not valid UTF-8 (" + PathText.escaped(file) + "); rename it"));
    } else if (FileKinds.inProgress(name)) {
      skipped.add(new Skipped(file, "still being written (a partial download or sync name)"));
    } else if (!relevant) {
      return;
    } else if (!attrs.isRegularFile()) {
      skipped.add(new Skipped(file, attrs.isSymbolicLink() ? "a symbolic link; links are not followed" : "not a regular file"));
    } else if (attrs.size() == 0 && FileKinds.isVideo(name)) {
      skipped.add(new Skipped(file, "an empty file"));
    } else {
      byDir.computeIfAbsent(file.getParent(), d -> new ArrayList<>()).add(file);
    }
  }

  private static void attach(Path dir, List<Path> files, Map<Path, List<Path>> byDir,
      Map<Path, List<SourceGroup.Sidecar>> owners, List<Skipped> skipped) {
    List<Path> videos = files.stream().filter(owners::containsKey).sorted().toList();
    for (Path f : files.stream().sorted().toList()) {
      if (owners.containsKey(f)) {
        continue;
      }
      var owner = SidecarMatcher.owner(f, videos, subsFolderVideos(dir, byDir));
      if (owner.isPresent()) {
        owners.get(owner.get().video()).add(owner.get().sidecar());
      } else {
        skipped.add(new Skipped(f, "no video it belongs to"));
      }
    }
  }

  // Videos whose subtitles may live in this folder: those of the parent of a Subs/ folder; for
  // Subs/<release name>/ (season packs: Subs/Show.S01E02.1080p/2_English.srt) the video of the
  // folder above Subs/ whose name is the release name, else that folder's videos.
  private static List<Path> subsFolderVideos(Path dir, Map<Path, List<Path>> byDir) {
    if (isSubsFolder(dir)) {
      return videosIn(dir.getParent(), byDir);
    }
    if (dir.getParent() != null && isSubsFolder(dir.getParent())) {
      List<Path> above = videosIn(dir.getParent().getParent(), byDir);
      String release = dir.getFileName().toString();
      List<Path> named = above.stream().filter(v -> FileKinds.stem(v).equalsIgnoreCase(release)).toList();
      return named.isEmpty() ? above : named;
    }
    return List.of();
  }

  private static boolean isSubsFolder(Path dir) {
    return dir.getFileName() != null && SUB_FOLDERS.contains(dir.getFileName().toString().toLowerCase(Locale.ROOT));
  }

  private static List<Path> videosIn(Path dir, Map<Path, List<Path>> byDir) {
    return dir == null ? List.of() : byDir.getOrDefault(dir, List.of()).stream()
        .filter(f -> FileKinds.isVideo(f.getFileName().toString())).toList();
  }
}
