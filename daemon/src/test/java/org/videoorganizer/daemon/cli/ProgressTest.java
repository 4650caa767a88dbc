package org.videoorganizer.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void drawsOneLineWithCountsAndClearsItOnlyWhenShown() {
    var err = new StringWriter();
    var p = new Progress(new PrintWriter(err), true);
    p.clear();
    assertThat(err.toString()).isEmpty();
    p.update(3, 10, "Movie\n.mkv");
    assertThat(err.toString()).isEqualTo("\r\033[K[3/10] Movie\\u000a.mkv");
    p.clear();
    assertThat(err.toString()).endsWith("\r\033[K");
  }

  @Test
  void staysSilentWhenStandardErrorIsNotATerminal() {
    var err = new StringWriter();
    var p = new Progress(new PrintWriter(err), false);
    p.update(10, 10, "x");
    p.clear();
    assertThat(err.toString()).isEmpty();
  }
}
