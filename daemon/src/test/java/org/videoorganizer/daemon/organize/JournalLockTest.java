package org.videoorganizer.daemon.organize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery and undo leave alone a run that is still going on (a second daemon, a concurrent
 * {@code vorg organize}, or this process), and take over its journal once it has ended.
 */
class JournalLockTest {

  @TempDir Path dir;

  @Test
  void recoveryLeavesARunOfAnotherLiveProcessAloneAndTidiesItOnceThatProcessIsGone() throws Exception {
    Path library = Files.createDirectories(dir.resolve("lib"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LiveJournalMain.class.getName(),
        library.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      Path journal = Path.of(out.readLine());
      Path temp = Path.of(out.readLine());

      assertThat(JournalRecovery.recover(library)).isZero();
      assertThat(temp).as("a live run's temporary copy").exists();
      assertThat(Files.readString(journal)).doesNotContain("\"recovered\"");
      assertThatThrownBy(() -> JournalUndo.undo(journal)).hasMessageContaining("still going on");

      child.destroyForcibly(); // like kill -9: the lock dies with the process
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(JournalRecovery.recover(library)).isEqualTo(1);
      assertThat(temp).doesNotExist();
      assertThat(Files.readString(journal)).contains("\"recovered\"");
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void recoveryLeavesARunOfThisProcessAloneAndKeepsItsLock() throws Exception {
    Path library = Files.createDirectories(dir.resolve("lib"));
    Path temp = library.resolve(".vorg-live-1.tmp");
    try (Journal journal = Journal.create(library, dir.resolve("in"), TransferMode.COPY, Clock.systemUTC())) {
      journal.write(Journal.entry("copy-begin").with("unit", 0).with("temp", temp));
      Files.writeString(temp, "half a copy");
      assertThat(JournalRecovery.recover(library)).isZero();
      assertThat(temp).exists();
      assertThat(JournalRecovery.inUse(journal.file())).as("still locked after recovery looked at it").isTrue();
    }
    assertThat(JournalRecovery.recover(library)).as("once the run ended").isEqualTo(1);
    assertThat(temp).doesNotExist();
  }
}
