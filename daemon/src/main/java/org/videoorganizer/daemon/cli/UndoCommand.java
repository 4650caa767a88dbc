package org.videoorganizer.daemon.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.videoorganizer.daemon.organize.FileResult;
import org.videoorganizer.daemon.organize.JournalUndo;
import org.videoorganizer.daemon.organize.Summary;
import org.videoorganizer.daemon.organize.TransferMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vorg undo JOURNAL}: puts every file of an organize run back where it was. */
@Command(
    name = "undo",
    header = "Puts back what one 'vorg organize' run did, from its journal.",
    mixinStandardHelpOptions = true,
    description = {
      "Puts back what one 'vorg organize' run did, from its journal",
      "(LIBRARY/.vorg/journal/*.jsonl): moved sources return from the trash; files the",
      "run added leave the library: a hard link is removed, a copy goes into",
      "LIBRARY/.vorg/trash/undo-RUN/ (delete that folder for the space). Sources of a",
      "--copy or --hardlink run never moved and stay untouched. Library files changed",
      "since the run are kept. Running it twice changes nothing more."
    })
public final class UndoCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "JOURNAL", description = "The journal file the organize run printed.")
  Path journal;

  @Option(names = "--json", description = "JSON lines instead of a table.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(journal)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "JOURNAL must be a journal file; got " + journal);
    }
    JournalUndo.Run run;
    List<FileResult> results;
    try {
      run = JournalUndo.run(journal.toAbsolutePath());
      results = JournalUndo.undo(journal.toAbsolutePath());
    } catch (IllegalArgumentException notAJournal) {
      throw new CommandLine.ParameterException(spec.commandLine(), notAJournal.getMessage());
    }
    var printer = new ResultPrinter(spec.commandLine().getOut(), json, null, null);
    Map<String, Integer> counts = new LinkedHashMap<>();
    List.of("restored", "removed", "kept", "failed").forEach(a -> counts.put(a, 0));
    for (FileResult r : results) {
      String action = action(run, r);
      counts.merge(action, 1, Integer::sum);
      printer.row(0, r.source() == null ? "NFO" : "file", r.target(), r.source(), action, r.reason());
    }
    printSummary(run, counts);
    if (counts.get("failed") > 0) {
      throw new IllegalStateException(counts.get("failed") + " files could not be put back (see their reasons above)");
    }
    return 0;
  }

  // restored: a source back from the trash; removed: a file the run added left the library (its
  // source never moved: a copy or hard-link run; or an NFO the run wrote); kept; failed.
  static String action(JournalUndo.Run run, FileResult r) {
    return switch (r.outcome()) {
      case RESTORED -> r.source() != null && run.mode() == TransferMode.MOVE ? "restored" : "removed";
      case FAILED -> "failed";
      default -> "kept";
    };
  }

  private void printSummary(JournalUndo.Run run, Map<String, Integer> counts) throws IOException {
    var err = spec.commandLine().getErr();
    String sources = run.mode() == TransferMode.MOVE ? "" : " (a " + run.mode().name().toLowerCase(Locale.ROOT)
        + " run: its sources never moved and are untouched)";
    err.printf(Locale.ROOT, "vorg undo: restored %d, removed from the library %d%s, kept %d, failed %d%n",
        counts.get("restored"), counts.get("removed"), sources, counts.get("kept"), counts.get("failed"));
    if (Files.isDirectory(run.undoTrash())) {
      long[] filesAndBytes = new long[2];
      try (var walk = Files.walk(run.undoTrash())) {
        walk.filter(Files::isRegularFile).forEach(f -> {
          filesAndBytes[0]++;
          filesAndBytes[1] += f.toFile().length();
        });
      }
      err.printf(Locale.ROOT, "vorg undo: %d library files (%s) are kept in %s; they use that space until you delete "
          + "the folder%n", filesAndBytes[0], Summary.human(filesAndBytes[1]), run.undoTrash());
    }
  }
}
