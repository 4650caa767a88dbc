package org.videoorganizer.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.daemon.app.MountPoints.await;
import static org.videoorganizer.daemon.app.MountPoints.count;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.testsupport.TestServices;

/** A library that is down at start and comes back while the daemon runs. */
@ExtendWith(TestServices.class)
class LibraryBackTest {

  @TempDir Path dir;

  @Test
  void unfinishedJournalsOfAnEarlierRunAreRecoveredOnceTheLibraryIsBackBeforeAnythingIsWritten(TestServices.Env env)
      throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib/Movies/Heat (1995)")).getParent().getParent();
    Files.createFile(lib.resolve(".vorg-mounted"));
    // An earlier run was killed mid-copy: its journal has a copy-begin and its temporary copy is there.
    Path temp = lib.resolve("Movies/Heat (1995)/.vorg-dead0001-1.tmp");
    Files.write(temp, new byte[10]);
    Path journal = Files.createDirectories(lib.resolve(".vorg/journal")).resolve("20261201-000000-dead0001.jsonl");
    Files.writeString(journal, new JsonObject().put("op", "run").put("run", "dead0001").put("mode", "MOVE")
        .put("source", dir.resolve("in").toString()).put("library", lib.toString()).encode() + "\n"
        + new JsonObject().put("op", "copy-begin").put("unit", 1).put("mode", "MOVE")
            .put("source", dir.resolve("in/Heat.mkv").toString())
            .put("target", lib.resolve("Movies/Heat (1995)/Heat (1995).mkv").toString())
            .put("temp", temp.toString()).put("size", 10).encode() + "\n");
    Path remote = MountPoints.drop(lib);
    DaemonTest.write(dir.resolve("in/Ronin (1998).mkv"), 30_000, 3);
    Daemon d = MountPoints.start(dir, env, Map.of("VORG_LIBRARY_MARKER", ".vorg-mounted"));
    try {
      await(d, s -> count(s, "identified") == 1 && !s.getJsonArray("waiting").isEmpty());
      assertThat(remote.resolve("Movies/Heat (1995)/.vorg-dead0001-1.tmp")).as("not recovered while away").exists();

      MountPoints.restore(lib, remote); // the mount is back, with the earlier run's leftovers
      await(d, s -> count(s, "organized") == 1);
      assertThat(temp).as("the killed run's temporary copy is removed").doesNotExist();
      assertThat(Files.readString(journal)).contains("\"op\":\"recovered\"");
      try (Stream<Path> journals = Files.list(lib.resolve(".vorg/journal"))) {
        assertThat(journals.filter(j -> !j.equals(journal)).toList()).as("this daemon's own journal").singleElement()
            .satisfies(own -> assertThat(Files.readString(own)).as("recovered once, before this daemon wrote")
                .doesNotContain("\"op\":\"recovered\"").contains("published"));
      }
      assertThat(lib.resolve("Movies/Ronin (1998)/Ronin (1998).mkv")).exists();
    } finally {
      d.stop();
    }
  }
}
