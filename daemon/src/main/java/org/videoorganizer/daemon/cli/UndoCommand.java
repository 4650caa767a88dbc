package org.videoorganizer.daemon.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.videoorganizer.daemon.organize.FileResult;
import org.videoorganizer.daemon.organize.JournalUndo;
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
      "(LIBRARY/.vorg/journal/*.jsonl): sources return from the trash, files the run",
      "added leave the library (into LIBRARY/.vorg/trash/). Library files changed",
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
    List<FileResult> results;
    try {
      results = JournalUndo.undo(journal.toAbsolutePath());
    } catch (IllegalArgumentException notAJournal) {
      throw new CommandLine.ParameterException(spec.commandLine(), notAJournal.getMessage());
    }
    var printer = new ResultPrinter(spec.commandLine().getOut(), json, null, null);
    results.forEach(r -> printer.row(0, "file", r.target(), r.source(), OrganizeCommand.action(r), r.reason()));
    long failed = results.stream().filter(r -> r.outcome() == FileResult.Outcome.FAILED).count();
    long restored = results.stream().filter(r -> r.outcome() == FileResult.Outcome.RESTORED).count();
    spec.commandLine().getErr().printf("vorg undo: restored %d, kept %d, failed %d%n", restored,
        results.size() - restored - failed, failed);
    if (failed > 0) {
      throw new IllegalStateException(failed + " files could not be put back (see their reasons above)");
    }
    return 0;
  }
}
