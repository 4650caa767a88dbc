package org.videoorganizer.daemon.organize;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.videoorganizer.daemon.organize.FileResult.Outcome;

/**
 * Puts a run back: every retired source returns from the trash to where it was, and every file
 * the run added to the library leaves it (into {@code <library>/.vorg/trash/undo-<run>/}, or,
 * when it is a link to the restored source, by removing that link). Sources of a copy or
 * hard-link run never moved and stay untouched. Files that were in the library before the run
 * stay; NFO files the run wrote are removed unless they changed since. Nothing is overwritten; a
 * run undone twice changes nothing more. Each result's reason says what happened to the source
 * and to the library file, and its bytes are what went into the undo trash (still using space).
 */
public final class JournalUndo {

  private JournalUndo() {}

  /**
   * What a journal says about its run.
   *
   * @param mode how the run brought files into the library ({@code MOVE} retired the sources)
   * @param undoTrash where undo puts library files the run added, kept until a person deletes them
   */
  public record Run(String id, TransferMode mode, Path undoTrash) {}

  /** Reads the run line of a journal; throws {@link IllegalArgumentException} when it is not one. */
  public static Run run(Path journalFile) throws IOException {
    JournalLines j = JournalLines.read(journalFile);
    return new Run(j.runId(), mode(j), undoTrash(JournalLines.path(j.run(), "library"), j.runId()));
  }

  private static TransferMode mode(JournalLines j) {
    return TransferMode.valueOf(j.run().path("mode").asText(TransferMode.MOVE.name()));
  }

  private static Path undoTrash(Path library, String runId) {
    return library.resolve(".vorg/trash/undo-" + runId);
  }

  /** Undoes the run recorded in {@code journalFile}; one result per file the run published. */
  public static List<FileResult> undo(Path journalFile) throws IOException {
    if (JournalRecovery.inUse(journalFile)) {
      throw new IllegalStateException("the run recorded in " + journalFile + " is still going on (a daemon or another "
          + "vorg organize is writing it); undo it once that run has finished");
    }
    JournalLines j = JournalLines.read(journalFile);
    Path library = JournalLines.path(j.run(), "library");
    var done = new HashSet<String>();
    j.all("undone").forEach(l -> done.add(l.path("target").asText()));
    var results = new ArrayList<FileResult>();
    var dirs = new DirSync();
    try (Journal journal = Journal.reopen(journalFile, j.runId())) {
      for (JsonNode w : j.all("nfo-written")) {
        if (done.add(w.path("target").asText())) {
          FileResult r = removeNfo(w, dirs);
          results.add(r);
          if (r.outcome() == Outcome.RESTORED) {
            journal.write(Journal.entry("undone").with("target", r.target()));
          }
        }
      }
      List<JsonNode> published = j.all("published");
      for (int i = published.size() - 1; i >= 0; i--) {
        JsonNode p = published.get(i);
        if (done.add(p.path("target").asText())) {
          FileResult r = undoOne(j, p, library, dirs);
          results.add(r);
          if (r.outcome() == Outcome.RESTORED) {
            journal.write(Journal.entry("undone").with("source", r.source()).with("target", r.target()));
          }
        }
      }
      removeTemps(j);
      removeEmptyFolders(j);
      Path source = JournalLines.path(j.run(), "source");
      removeEmptyTree(source.resolve(Trash.FOLDER).resolve(j.runId()));
      removeEmptyTree(undoTrash(library, j.runId()));
      dirs.flush();
    }
    return results;
  }

  private static FileResult undoOne(JournalLines j, JsonNode published, Path library, DirSync dirs) throws IOException {
    Path source = JournalLines.path(published, "source");
    Path target = JournalLines.path(published, "target");
    try {
      Path trashed = trashOf(j, source);
      boolean back = trashed != null && !JournalRecovery.exists(source);
      if (back) {
        Trash.rename(trashed, source, dirs);
      }
      if (!JournalRecovery.exists(source)) {
        return new FileResult(source, target, Outcome.FAILED, "the source is neither in place nor in the trash; the library file stays", 0);
      }
      return takeOut(j, published, library, back ? java.util.Optional.of(trashed) : java.util.Optional.empty(), dirs);
    } catch (IOException e) {
      return new FileResult(source, target, Outcome.FAILED, SafeMover.describe(e), 0);
    }
  }

  private static String untouched(TransferMode mode) {
    return mode == TransferMode.MOVE ? "source already in place"
        : "source untouched (a " + mode.name().toLowerCase(java.util.Locale.ROOT) + " run never moves it)";
  }

  // The library file leaves, once its source is in place (restored from the trash, or never moved);
  // the reason says what happened to both.
  static FileResult takeOut(JournalLines j, JsonNode published, Path library,
      java.util.Optional<Path> restoredFrom, DirSync dirs) throws IOException {
    Path source = JournalLines.path(published, "source");
    Path target = JournalLines.path(published, "target");
    String src = restoredFrom.map(t -> "source back from the trash " + t).orElseGet(() -> untouched(mode(j)));
    if (published.path("how").asText().equals("existing")) {
      return new FileResult(source, target, restoredFrom.isPresent() ? Outcome.RESTORED : Outcome.SKIPPED,
          src + "; the library file was there before the run and stays", 0);
    }
    if (!JournalRecovery.exists(target)) {
      return new FileResult(source, target, Outcome.RESTORED, src + "; the library file is already gone", 0);
    }
    if (Files.isSameFile(source, target)) {
      Files.delete(target); // a second name of the restored source
      dirs.touched(target.getParent());
      return new FileResult(source, target, Outcome.RESTORED,
          src + "; its second name in the library removed (a hard link: no space freed or used)", 0);
    }
    if (!FileBytes.sameBytes(source, target)) {
      return new FileResult(source, target, Outcome.SKIPPED, "the library file changed since the run; both kept", 0);
    }
    long size = Files.size(target);
    Path to = Trash.rename(target, undoTrash(library, j.runId()).resolve(library.relativize(target)), dirs);
    return new FileResult(source, target, Outcome.RESTORED,
        src + "; the library copy moved to " + to + " (" + Summary.human(size) + " used until that is deleted)", size);
  }

  // An NFO the run wrote leaves the library unless it changed since (Jellyfin or a person edited it).
  static FileResult removeNfo(JsonNode written, DirSync dirs) {
    Path target = JournalLines.path(written, "target");
    try {
      if (!Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return new FileResult(null, target, Outcome.RESTORED, "the NFO the run wrote is already gone", 0);
      }
      byte[] now = Files.readAllBytes(target);
      if (now.length != written.path("size").asLong() || !NfoPublisher.crc(now).equals(written.path("crc32c").asText())) {
        return new FileResult(null, target, Outcome.SKIPPED, "the NFO changed since the run; kept", 0);
      }
      Files.delete(target);
      dirs.touched(target.getParent());
      return new FileResult(null, target, Outcome.RESTORED, "removed the NFO the run wrote", 0);
    } catch (IOException e) {
      return new FileResult(null, target, Outcome.FAILED, SafeMover.describe(e), 0);
    }
  }

  // Where the run put the source: the recorded trash path, or one it was about to use.
  static Path trashOf(JournalLines j, Path source) {
    Set<Path> candidates = new java.util.LinkedHashSet<>();
    for (JsonNode l : j.lines()) {
      String op = JournalLines.op(l);
      if ((op.equals("retired") || op.equals("retire-begin")) && source.equals(JournalLines.path(l, "source"))) {
        candidates.add(JournalLines.path(l, "trash"));
      }
    }
    candidates.add(Trash.besidePath(source, j.runId()));
    return candidates.stream().filter(JournalRecovery::exists).findFirst().orElse(null);
  }

  private static void removeTemps(JournalLines j) throws IOException {
    var begun = new ArrayList<>(j.all("copy-begin"));
    begun.addAll(j.all("nfo-begin"));
    for (JsonNode l : begun) {
      Path temp = JournalLines.path(l, "temp");
      if (temp != null && temp.getFileName().toString().startsWith(".vorg-")) {
        Files.deleteIfExists(temp);
      }
    }
  }

  // Removes the empty folders of a trash tree, deepest first; files keep their folders.
  private static void removeEmptyTree(Path top) throws IOException {
    if (!Files.isDirectory(top, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> dirs;
    try (var walk = Files.walk(top)) {
      dirs = walk.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .sorted(java.util.Comparator.reverseOrder()).toList();
    }
    for (Path d : dirs) {
      try {
        Files.deleteIfExists(d);
      } catch (DirectoryNotEmptyException holdsFiles) {
        // keeps what is still in it
      }
    }
  }

  // Folders the run created, deepest first, removed only when empty.
  private static void removeEmptyFolders(JournalLines j) throws IOException {
    List<JsonNode> mkdirs = j.all("mkdir");
    for (int i = mkdirs.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(JournalLines.path(mkdirs.get(i), "dir"));
      } catch (DirectoryNotEmptyException stillUsed) {
        // holds files that are not this run's: stays
      }
    }
  }
}
