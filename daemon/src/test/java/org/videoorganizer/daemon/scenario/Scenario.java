package org.videoorganizer.daemon.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.videoorganizer.daemon.testsupport.DaemonProcess;
import org.videoorganizer.daemon.testsupport.Library;

/** Shared steps of the scenario tests: configuration, waiting until settled, the final proof. */
final class Scenario {

  static final Set<String> IN_FLIGHT = Set.of("discovered", "fingerprinted", "identified", "analyzed");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Scenario() {}

  static Map<String, String> env(Path dir) {
    Map<String, String> env = new HashMap<>(Map.of(
        "VORG_SOURCES", "in=" + dir.resolve("in"),
        "VORG_LIBRARY", dir.resolve("lib").toString(),
        "VORG_DATA_DIR", dir.resolve("data").toString(),
        "VORG_HTTP_PORT", "0",
        "VORG_INGEST_STABLE_SECONDS", "1",
        "VORG_INGEST_RESCAN_SECONDS", "2",
        "VORG_WORKERS_POLL_SECONDS", "1",
        "VORG_WORKERS_LEASE_SECONDS", "5"));
    env.put("HOME", System.getProperty("user.home"));
    return env;
  }

  static JsonObject status(DaemonProcess d) {
    try {
      var res = HTTP.send(d.statusRequest().timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      return res.statusCode() == 200 ? new JsonObject(res.body()) : new JsonObject();
    } catch (IOException e) {
      return new JsonObject();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new JsonObject();
    }
  }

  /** Waits until every input has a row in a final state and the queue is empty. */
  static JsonObject awaitSettled(DaemonProcess d, int inputs, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonObject s = new JsonObject();
    while (System.nanoTime() < deadline) {
      s = status(d);
      if (settled(s, inputs)) {
        return s;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not settled within " + limit + ": " + s.encodePrettily());
  }

  static boolean settled(JsonObject s, int inputs) {
    JsonObject videos = s.getJsonObject("videos");
    JsonObject queue = s.getJsonObject("queue");
    if (videos == null || queue == null) {
      return false;
    }
    long done = 0;
    for (var e : videos) {
      if (IN_FLIGHT.contains(e.getKey())) {
        return false;
      }
      done += ((Number) e.getValue()).longValue();
    }
    return done >= inputs && queue.getLong("queued") == 0 && queue.getLong("running") == 0;
  }

  /**
   * The proof: every input's bytes are in the library exactly once, or (not organized) still in
   * the source; nothing in the library that was not an input but the NFO files written; nothing lost.
   */
  static Proof prove(Path dir, Map<String, String> inputs) throws IOException {
    Map<String, List<Path>> library = Library.contents(dir.resolve("lib"), false);
    Map<String, List<Path>> sources = Library.contents(dir.resolve("in"), true);
    int once = 0;
    int kept = 0;
    for (var input : inputs.entrySet()) {
      int copies = library.getOrDefault(input.getKey(), List.of()).size();
      assertThat(copies).as("copies of %s in the library", input.getValue()).isLessThanOrEqualTo(1);
      if (copies == 1) {
        once++;
      } else {
        assertThat(sources).as("bytes of %s (not organized) are still in the source", input.getValue())
            .containsKey(input.getKey());
        kept++;
      }
    }
    // The NFO files the daemon writes for videos with ids (tvshow.nfo, <video>.nfo) are the only
    // library files that were no input; each is the XML Jellyfin reads.
    var notInputs = new java.util.ArrayList<Path>();
    library.forEach((hash, paths) -> {
      if (!inputs.containsKey(hash)) {
        notInputs.addAll(paths);
      }
    });
    for (Path p : notInputs) {
      assertThat(p.getFileName().toString()).as("a library file that was no input: " + p).endsWith(".nfo");
      assertThat(java.nio.file.Files.readString(p)).as("an NFO the daemon wrote: " + p).startsWith("<?xml").contains("<uniqueid");
    }
    return new Proof(once, kept);
  }

  record Proof(int inLibraryOnce, int keptInSource) {}
}
