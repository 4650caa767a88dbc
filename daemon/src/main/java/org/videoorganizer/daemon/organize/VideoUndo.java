package org.videoorganizer.daemon.organize;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.videoorganizer.daemon.organize.FileResult.Outcome;

/**
 * Puts one organized video back, where {@link JournalUndo} puts back a whole run: the daemon
 * keeps one journal per source for its whole life, so the page's "undo" picks the lines of one
 * video's library files out of the journals in {@code <library>/.vorg/journal/} (the newest
 * that published each file). Each file goes back like in {@link JournalUndo}: the retired source
 * returns from the trash and the library copy moves into the run's undo trash; where another file
 * now holds the source path, the original stays in the trash and the result says where. NFO files
 * the run wrote in the video's folder go too (a show's {@code tvshow.nfo} stays). Nothing is
 * overwritten, and no line is added to a journal a daemon may still be writing: a second undo
 * finds the library files gone and changes nothing.
 */
public final class VideoUndo {

  /**
   * @param files one result per file, with what happened to its source and library copy
   * @param complete every library file of the video left the library (none skipped or failed; a
   *     changed NFO that stays does not count)
   * @param sourceBack the video's own file is back at its source path
   */
  public record Result(List<FileResult> files, boolean complete, boolean sourceBack) {}

  private VideoUndo() {}

  /** Puts back the files a video became; {@code targets} are its library paths, the video file first. */
  public static Result putBack(Path library, List<Path> targets) throws IOException {
    Set<Path> left = new LinkedHashSet<>(targets);
    List<FileResult> results = new ArrayList<>();
    DirSync dirs = new DirSync();
    boolean sourceBack = false;
    boolean complete = true;
    for (Path file : journals(library)) {
      JournalLines j = read(file);
      List<JsonNode> published = j == null ? List.of() : j.all("published");
      for (int i = published.size() - 1; i >= 0 && !left.isEmpty(); i--) {
        Path target = JournalLines.path(published.get(i), "target");
        if (target != null && left.remove(target)) {
          FileResult r = putBackOne(j, published.get(i), library, dirs);
          results.add(r);
          complete &= r.outcome() == Outcome.RESTORED;
          sourceBack |= target.equals(targets.getFirst()) && r.outcome() == Outcome.RESTORED
              && r.source() != null && JournalRecovery.exists(r.source()) && !r.reason().startsWith(TAKEN);
          removeNfos(j, target, dirs, results);
        }
      }
    }
    complete &= left.isEmpty();
    for (Path t : left) {
      results.add(new FileResult(null, t, Outcome.FAILED, "no organize journal in " + library.resolve(Journal.FOLDER)
          + " records this file, so its source is unknown; it stays in the library", 0));
    }
    for (Path t : targets) { // the video's folders it emptied, below the library's top folder (Movies, TV Shows)
      if (t.startsWith(library) && library.relativize(t).getNameCount() > 1) {
        EmptiedFolders.remove(library.resolve(library.relativize(t).getName(0)), List.of(t));
      }
    }
    dirs.flush();
    return new Result(results, complete, sourceBack);
  }

  static final String TAKEN = "the source path is taken";

  private static FileResult putBackOne(JournalLines j, JsonNode published, Path library, DirSync dirs) {
    Path source = JournalLines.path(published, "source");
    Path target = JournalLines.path(published, "target");
    try {
      Path trashed = JournalUndo.trashOf(j, source);
      if (trashed != null && JournalRecovery.exists(source)) {
        return aside(j, published, library, trashed, dirs);
      }
      if (trashed != null) {
        Trash.rename(trashed, source, dirs);
        return JournalUndo.takeOut(j, published, library, Optional.of(trashed), dirs);
      }
      if (!JournalRecovery.exists(source)) {
        return new FileResult(source, target, Outcome.FAILED, "the source is neither in place nor in the trash "
            + "(was the trash emptied?); the library file stays", 0);
      }
      return JournalUndo.takeOut(j, published, library, Optional.empty(), dirs);
    } catch (IOException e) {
      return new FileResult(source, target, Outcome.FAILED, SafeMover.describe(e), 0);
    }
  }

  // Another file now has the source's name: the original stays in the trash, the library copy
  // goes to the undo trash, and the reason names both places.
  private static FileResult aside(JournalLines j, JsonNode published, Path library, Path trashed, DirSync dirs)
      throws IOException {
    Path source = JournalLines.path(published, "source");
    Path target = JournalLines.path(published, "target");
    String where = TAKEN + " by another file, so the original stays in the trash at " + trashed;
    if (published.path("how").asText().equals("existing") || !JournalRecovery.exists(target)) {
      return new FileResult(source, target, Outcome.RESTORED, where, 0);
    }
    if (!FileBytes.sameBytes(trashed, target)) {
      return new FileResult(source, target, Outcome.SKIPPED, "the library file changed since it was organized; both kept", 0);
    }
    long size = Files.size(target);
    Path to = Trash.rename(target, library.resolve(".vorg/trash/undo-" + j.runId()).resolve(library.relativize(target)), dirs);
    return new FileResult(source, target, Outcome.RESTORED, where + "; the library copy moved to " + to, size);
  }

  // NFO files the run wrote beside this video (its own NFO, movie.nfo, VIDEO_TS.nfo), not a show's tvshow.nfo.
  private static void removeNfos(JournalLines j, Path target, DirSync dirs, List<FileResult> results) {
    for (JsonNode w : j.all("nfo-written")) {
      Path nfo = JournalLines.path(w, "target");
      if (nfo != null && nfo.getParent().equals(target.getParent()) && !nfo.getFileName().toString().equals("tvshow.nfo")
          && results.stream().noneMatch(r -> nfo.equals(r.target()))) {
        results.add(JournalUndo.removeNfo(w, dirs));
      }
    }
  }

  private static List<Path> journals(Path library) throws IOException {
    Path dir = library.resolve(Journal.FOLDER);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
          .sorted(java.util.Comparator.reverseOrder()).toList(); // names start with the time: newest first
    }
  }

  private static JournalLines read(Path file) throws IOException {
    try {
      return JournalLines.read(file);
    } catch (IllegalArgumentException notAJournal) {
      return null;
    }
  }
}
