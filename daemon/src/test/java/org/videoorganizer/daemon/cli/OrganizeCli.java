package org.videoorganizer.daemon.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code vorg organize} in this JVM as the command line does, with the given environment. */
public final class OrganizeCli {

  /** The exit code and what the command printed. */
  public record Run(int exit, String out, String err) {}

  private OrganizeCli() {}

  public static Run organize(Map<String, String> env, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cli = new CommandLine(new OrganizeCommand(env));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler(CliErrors::usageMistake);
    cli.setExecutionExceptionHandler(CliErrors::failure);
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
