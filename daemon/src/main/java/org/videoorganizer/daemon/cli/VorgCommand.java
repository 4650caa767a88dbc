package org.videoorganizer.daemon.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command. Subcommands are listed in the annotation, one class each. Conventions every
 * subcommand keeps: results for machines go to standard output, messages to standard error; a
 * usage mistake exits 2 with one line naming it; a failure exits 1 with one line naming it.
 */
@Command(
    name = "vorg",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Turns scattered video files into a clean Jellyfin library.",
    subcommands = {CommandLine.HelpCommand.class, OrganizeCommand.class, UndoCommand.class, ParseCommand.class, MatchCommand.class, AnalyzeCommand.class, DaemonCommand.class, BackupCommand.class, RestoreCommand.class, ReviewCommand.class},
    footer = {"", "Run 'vorg COMMAND --help' for the options of one command."})
public final class VorgCommand implements Runnable {

  /** Exit status for a usage mistake (unknown command, bad option). */
  public static final int USAGE = 2;

  /** Exit status for a failure while doing the work. */
  public static final int FAILED = 1;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "More log messages on standard error; -vv for debug detail.")
  boolean[] verbose = new boolean[0];

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** A configured command line for the given streams: the single place the CLI is assembled. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    var root = new VorgCommand();
    var cli = new CommandLine(root);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionStrategy(
        parseResult -> {
          Logging.setVerbosity(root.verbose.length);
          return new CommandLine.RunLast().execute(parseResult);
        });
    cli.setParameterExceptionHandler(CliErrors::usageMistake);
    cli.setExecutionExceptionHandler(CliErrors::failure);
    return cli;
  }
}
