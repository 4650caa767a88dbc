package org.videoorganizer.daemon.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code vorg} command line: {@code java -cp ... org.videoorganizer.daemon.cli.Main ARGS}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int status = VorgCommand.commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(status);
  }
}
