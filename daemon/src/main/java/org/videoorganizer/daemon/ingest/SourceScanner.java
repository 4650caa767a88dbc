package org.videoorganizer.daemon.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.source.FileKinds;
import org.videoorganizer.daemon.source.PathText;
import org.videoorganizer.daemon.source.SourceGroup;

/**
 * Ingest's view of one walk of a source by the one scanner ({@link
 * org.videoorganizer.daemon.source.SourceScanner}, the walk of {@code vorg organize}): each video
 * unit it grouped (a plain video, or a whole DVD or Blu-ray folder as one) is a candidate, and so
 * is each file named like a finished video that it left out (a link, a pipe, a bad name, an empty
 * file), with the reason it can never be imported as it is. Names still being written are left
 * out by the scanner's rule ({@link FileKinds#inProgress}); folders it could not read make the
 * scan incomplete.
 */
final class SourceScanner {

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
    org.videoorganizer.daemon.source.SourceScanner.Result result;
    try {
      result = new org.videoorganizer.daemon.source.SourceScanner(null).scan(root);
    } catch (IOException e) {
      return new Scan(List.of(), false, Optional.of("scan failed: " + e.getMessage()));
    }
    if (!Files.isDirectory(root)) {
      return Scan.unavailable("the source folder vanished during the scan: " + root);
    }
    List<Candidate> found = new ArrayList<>();
    for (SourceGroup g : result.groups()) {
      unit(root, g).ifPresent(found::add);
    }
    List<String> problems = new ArrayList<>();
    for (var s : result.skipped()) {
      String rel = root.relativize(s.path()).toString();
      if (s.readFailed()) {
        problems.add(PathText.display(rel) + " (" + s.reason() + ")");
      } else if (FileKinds.isFinishedVideo(s.path().getFileName().toString())) {
        leftOut(root, s.path()).ifPresent(found::add);
      }
    }
    return new Scan(found, problems.isEmpty(), problems.isEmpty() ? Optional.empty()
        : Optional.of(problems.size() + " folder(s) could not be read, first: " + problems.getFirst()));
  }

  // A video unit the scanner grouped; gone since the walk: not seen.
  private static Optional<Candidate> unit(Path root, SourceGroup g) {
    String rel = root.relativize(g.video()).toString();
    try {
      BasicFileAttributes attrs = Files.readAttributes(g.video(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      VideoUnit unit = g.disc() == null ? new VideoUnit(attrs.size(), attrs.lastModifiedTime().toMillis()) : VideoUnit.of(g);
      return Optional.of(new Candidate(rel, PathText.display(rel), unit.size(), unit.mtimeMs(), problem(g.video(), rel, attrs)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(new Candidate(rel, PathText.display(rel), 0, 0, why(e)));
    }
  }

  // A file named like a video the scanner would not group: why it cannot be imported as it is.
  private static Optional<Candidate> leftOut(Path root, Path file) {
    String rel = root.relativize(file).toString();
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return Optional.of(new Candidate(rel, PathText.display(rel), attrs.size(), attrs.lastModifiedTime().toMillis(),
          problem(file, rel, attrs)));
    } catch (IOException e) {
      return Optional.empty();
    }
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

  private static String why(IOException e) {
    return e instanceof AccessDeniedException ? Ingestor.UNREADABLE : "cannot read: " + e.getClass().getSimpleName();
  }
}
