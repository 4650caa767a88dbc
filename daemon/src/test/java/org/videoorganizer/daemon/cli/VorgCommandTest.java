package org.videoorganizer.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VorgCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return VorgCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void helpListsTheCommandsOnStandardOutput() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: vorg", "Commands:", "help");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void versionNamesTheBuildAndTheJava() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("vorg ").contains("Java " + Runtime.version());
    assertThat(out.toString()).doesNotContain("vorg unknown");
  }

  @Test
  void unknownCommandIsOneLineAndExitStatusTwo() {
    assertThat(run("nonsense")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("vorg: unknown command 'nonsense' (see 'vorg --help')\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unknownOptionIsOneLineAndExitStatusTwo() {
    assertThat(run("--frobnicate")).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly("vorg: unknown option '--frobnicate' (see 'vorg --help')");
  }

  @Test
  void aMistypedOptionIsNamedRatherThanTheOptionItHides() {
    assertThat(run("organize", "in", "--libary", "/tmp/x")).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly("vorg organize: unknown option '--libary' (see 'vorg organize --help')");
  }

  @Test
  void noCommandShowsUsageAndExitsTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Usage: vorg").endsWith("vorg: a command is required (see 'vorg --help')\n");
  }

  @Test
  void helpCommandShowsAnotherCommandsHelp() {
    assertThat(run("help", "help")).isZero();
    assertThat(out.toString()).contains("Usage: vorg help");
  }
}
