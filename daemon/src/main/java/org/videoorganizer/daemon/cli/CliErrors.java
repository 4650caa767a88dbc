package org.videoorganizer.daemon.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns parse and execution errors into one line on standard error and an exit status. */
final class CliErrors {

  private static final Logger log = LoggerFactory.getLogger(CliErrors.class);

  private CliErrors() {}

  static int usageMistake(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    String problem = unknownOption(cmd, args).map(o -> "unknown option '" + o + "'").orElseGet(() -> describe(ex));
    cmd.getErr().println(name + ": " + problem + " (see '" + name + " --help')");
    return VorgCommand.USAGE;
  }

  static int failure(Exception ex, CommandLine cmd, ParseResult parseResult) {
    if (ex instanceof ParameterException usage) { // a command found a usage mistake (a configuration error)
      return usageMistake(usage, new String[0]);
    }
    log.debug("command failed", ex);
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + firstLine(message));
    return VorgCommand.FAILED;
  }

  // A typo such as --libary also makes --library "missing": the unknown option is the mistake to name.
  private static java.util.Optional<String> unknownOption(CommandLine cmd, String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      String option = arg.split("=", 2)[0];
      if (option.startsWith("--") && option.length() > 2 && cmd.getCommandSpec().findOption(option) == null
          && cmd.getCommandSpec().root().findOption(option) == null) {
        return java.util.Optional.of(option);
      }
    }
    return java.util.Optional.empty();
  }

  private static String describe(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String arg = unmatched.getUnmatched().getFirst();
      boolean hasCommands = !ex.getCommandLine().getSubcommands().isEmpty();
      if (arg.startsWith("-")) {
        return "unknown option '" + arg + "'";
      }
      return hasCommands ? "unknown command '" + arg + "'" : "unexpected argument '" + arg + "'";
    }
    return firstLine(ex.getMessage());
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
