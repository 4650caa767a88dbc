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

  /** A file left where it is, and why. */
  public record Skipped(Path path, String reason) {}

  /** What the walk found. */
  public record Result(List<SourceGroup> groups, List<Skipped> skipped) {}

  private static final Set<String> SYSTEM_FOLDERS = Set.of("@eadir", "eadir", "#recycle", "@recycle",
      "$recycle.bin", "lost+found", "system volume information");
  private static final Set<String> SUB_FOLDERS = Set.of("subs", "subtitles", "sub");
  static final int MAX_DEPTH = 32;

  private final Path library;

  public SourceScanner(Path library) {
    this.library = library;
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
    return scan(root, video.getParent(), 3).groups().stream().filter(g -> g.video().equals(video)).findFirst();
  }

  private Result scan(Path root, Path start, int depth) throws IOException {
    var byDir = new LinkedHashMap<Path, List<Path>>();
    var skipped = new ArrayList<Skipped>();
    Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), depth,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            boolean skip = !dir.equals(start) && (FileKinds.hidden(name)
                || SYSTEM_FOLDERS.contains(name.toLowerCase(Locale.ROOT)) || dir.equals(library));
            return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            classify(file, attrs, byDir, skipped);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            skipped.add(new Skipped(file, "cannot read: " + e.getMessage()));
            return FileVisitResult.CONTINUE;
          }
        });
    var owners = new LinkedHashMap<Path, List<SourceGroup.Sidecar>>();
    byDir.values().forEach(files -> files.stream().filter(f -> FileKinds.isVideo(f.getFileName().toString()))
        .sorted().forEach(v -> owners.put(v, new ArrayList<>())));
    for (var entry : byDir.entrySet()) {
      attach(entry.getKey(), entry.getValue(), byDir, owners, skipped);
    }
    var groups = new ArrayList<SourceGroup>();
    owners.forEach((video, list) -> groups.add(new SourceGroup(root, video, list)));
    groups.sort(java.util.Comparator.comparing(SourceGroup::video));
    skipped.sort(java.util.Comparator.comparing(Skipped::path));
    return new Result(groups, skipped);
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
