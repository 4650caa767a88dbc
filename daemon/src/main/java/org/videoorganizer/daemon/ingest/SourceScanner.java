package org.videoorganizer.daemon.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.source.FileKinds;
import org.videoorganizer.daemon.source.PathText;

/**
 * Walks one source without following symbolic links (so link loops cannot trap it), skipping
 * the folders and names {@code vorg organize} skips (hidden and system folders, names still being
 * written: {@link org.videoorganizer.daemon.source.SourceScanner#skipsFolder},
 * {@link FileKinds#isFinishedVideo}), to a bounded depth. Phase 2 of #12 moves the walk itself
 * onto {@code source.SourceScanner}; this keeps ingest's concerns (sightings, problems, availability).
 */
final class SourceScanner {

  static final int MAX_DEPTH = 32;

  /**
   * What one walk saw. {@code complete} is false when part of the tree could not be read;
   * {@code available} is false when the source itself is not there (folder or mount missing).
   */
  record Scan(List<Candidate> candidates, boolean complete, Optional<String> error, boolean available) {

    Scan(List<Candidate> candidates, boolean complete, Optional<String> error) {
      this(candidates, complete, error, true);
    }

    /** A source not scanned at all, for {@code reason}. */
    static Scan unavailable(String reason) {
      return new Scan(List.of(), false, Optional.of(reason), false);
    }
  }

  private SourceScanner() {}

  static Scan scan(Path root) {
    if (!Files.isDirectory(root)) {
      String why = Files.exists(root) ? "the source is not a folder: " : "the source folder is missing: ";
      return Scan.unavailable(why + root);
    }
    Visitor v = new Visitor(root);
    try {
      Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, v);
    } catch (NoSuchFileException e) {
      return Scan.unavailable("the source folder vanished during the scan: " + root);
    } catch (IOException e) {
      return new Scan(v.found, false, Optional.of("scan failed: " + e.getMessage()));
    }
    return new Scan(v.found, v.problems.isEmpty(), v.problems.isEmpty() ? Optional.empty()
        : Optional.of(v.problems.size() + " folder(s) could not be read, first: " + v.problems.getFirst()));
  }

  private static final class Visitor implements FileVisitor<Path> {
    final Path root;
    final List<Candidate> found = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    Visitor(Path root) {
      this.root = root;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      boolean skip = !dir.equals(root)
          && org.videoorganizer.daemon.source.SourceScanner.skipsFolder(dir.getFileName().toString());
      return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      String name = file.getFileName().toString();
      if (!FileKinds.isFinishedVideo(name)) {
        return FileVisitResult.CONTINUE;
      }
      String rel = root.relativize(file).toString();
      found.add(new Candidate(rel, PathText.display(rel), attrs.size(), attrs.lastModifiedTime().toMillis(),
          problem(file, rel, attrs)));
      return FileVisitResult.CONTINUE;
    }

    /** Empty for an importable file; else why it cannot be imported as it is. */
    private static String problem(Path file, String rel, BasicFileAttributes attrs) {
      if (attrs.isSymbolicLink()) {
        return "a symbolic link; links are not followed (they may point outside the source)";
      }
      if (!attrs.isRegularFile()) {
        return "not a regular file (a pipe, socket or device named like a video)";
      }
      String name = PathText.nameProblem(rel);
      if (!name.isEmpty()) {
        return name;
      }
      return Files.isReadable(file) ? "" : Ingestor.UNREADABLE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      if (!(e instanceof NoSuchFileException)) {
        problems.add(PathText.display(root.relativize(file).toString()) + " (" + why(e) + ")");
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
      if (e != null) {
        problems.add(PathText.display(root.relativize(dir).toString()) + " (" + why(e) + ")");
      }
      return FileVisitResult.CONTINUE;
    }

    private static String why(IOException e) {
      return e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
    }
  }
}
