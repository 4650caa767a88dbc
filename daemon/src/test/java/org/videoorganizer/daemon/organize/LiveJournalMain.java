package org.videoorganizer.daemon.organize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A child process for {@link JournalLockTest}: a run that is in the middle of a copy into
 * LIBRARY (its journal open, a temporary copy on disk) and stays there until its standard input
 * closes. Prints the journal's path, then the temporary copy's, once both exist.
 */
public final class LiveJournalMain {

  private LiveJournalMain() {}

  public static void main(String[] args) throws Exception {
    Path library = Path.of(args[0]);
    try (Journal journal = Journal.create(library, library.resolveSibling("in"), TransferMode.COPY, Clock.systemUTC())) {
      Path temp = Files.createDirectories(library.resolve("Movies/Heat (1995)")).resolve(".vorg-" + journal.runId() + "-1.tmp");
      journal.write(Journal.entry("copy-begin").with("unit", 0).with("temp", temp));
      Files.writeString(temp, "half a copy");
      System.out.println(journal.file());
      System.out.println(temp);
      System.out.flush();
      System.in.read(); // until the test closes our input or kills us
    }
  }
}
