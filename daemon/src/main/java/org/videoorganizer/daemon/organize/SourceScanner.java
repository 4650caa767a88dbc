package org.videoorganizer.daemon.organize;

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
import java.util.Set;

/**
 * Walks a source folder without following links and groups each video with its sidecars. Hidden
 * names (a leading dot: our trash and temporary files too), system folders, the library itself
 * and files still being written are left out; what cannot be organized is reported with a reason.
 */
final class SourceScanner {

  /** A file left where it is, and why. */
  record Skipped(Path path, String reason) {}

  /** What the walk found. */
  record Result(List<SourceGroup> groups, List<Skipped> skipped) {}

  private static final Set<String> SYSTEM_FOLDERS = Set.of("@eadir", "eadir", "#recycle", "@recycle",
      "$recycle.bin", "lost+found", "system volume information");
  private static final Set<String> SUB_FOLDERS = Set.of("subs", "subtitles", "sub");
  static final int MAX_DEPTH = 32;

  private final Path library;

  SourceScanner(Path library) {
    this.library = library;
  }

  Result scan(Path root) throws IOException {
    var byDir = new LinkedHashMap<Path, List<Path>>();
    var skipped = new ArrayList<Skipped>();
    Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            boolean skip = !dir.equals(root) && (name.startsWith(".")
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
    if (name.startsWith(".")) {
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

  // Videos of the parent folder when this is a Subs/ folder: their subtitles may live here.
  private static List<Path> subsFolderVideos(Path dir, Map<Path, List<Path>> byDir) {
    String name = dir.getFileName() == null ? "" : dir.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!SUB_FOLDERS.contains(name)) {
      return List.of();
    }
    return byDir.getOrDefault(dir.getParent(), List.of()).stream()
        .filter(f -> FileKinds.isVideo(f.getFileName().toString())).toList();
  }
}
