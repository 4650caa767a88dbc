package org.videoorganizer.daemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.config.VorgConfig.SourceConfig;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.StatusQuery;
import org.videoorganizer.daemon.store.VideoStore;
import org.videoorganizer.daemon.testsupport.StepClock;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Files that never become stable, on the daemon's clock made by hand (it times the stability
 * window and dates sightings). A limit of 360 minutes, as by default.
 */
@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcePassTest {

  private static final Duration LIMIT = Duration.ofMinutes(360);

  private final Vertx vertx = Vertx.vertx();
  private Database db;
  private VideoStore store;
  private final StepClock clock = new StepClock();
  private final List<Long> rung = new ArrayList<>();
  @TempDir Path dir;
  private int sources;

  @BeforeAll
  void open(TestServices.Env env) {
    db = Database.open(vertx, env.pgUrl(), 2).await();
    store = new VideoStore(db.pool());
  }

  @AfterAll
  void close() {
    db.close().await();
    vertx.close().await();
  }

  /** A daemon's view of a fresh source; a second call with the same source is a restart. */
  private SourcePass daemon(SourceConfig source) {
    return new SourcePass(store, source, new Stability(Duration.ofSeconds(10), clock), rung::add, clock, LIMIT);
  }

  private SourceConfig newSource() throws IOException {
    SourceConfig source = new SourceConfig("s" + (++sources), Files.createDirectories(dir.resolve("s" + sources)));
    store.upsertSource(source.name(), source.path().toString()).await();
    return source;
  }

  private static void grow(Path file) throws IOException {
    Files.write(file, new byte[1000], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private JsonObject status(SourceConfig source) {
    JsonArray all = new StatusQuery(db.pool()).status().await().getJsonArray("sources");
    return all.stream().map(JsonObject.class::cast).filter(s -> s.getString("name").equals(source.name()))
        .findFirst().orElseThrow();
  }

  private void minutesPass(long minutes) {
    clock.advance(Duration.ofMinutes(minutes));
  }

  @Test
  void aFileStillChangingAfterTheLimitIsListedNotRejectedAndTakenOnceItStops() throws Exception {
    SourceConfig source = newSource();
    Path file = source.path().resolve("Stalled.Download.mkv");
    SourcePass pass = daemon(source);
    grow(file);
    assertThat(pass.run(Optional.empty()).waiting()).isEqualTo(1);
    for (int i = 0; i < 3; i++) { // 3 x 100 minutes: under the limit
      minutesPass(100);
      grow(file);
      pass.run(Optional.empty());
    }
    assertThat(status(source).getJsonArray("unstable")).as("300 minutes is under the limit").isEmpty();

    minutesPass(61);
    grow(file);
    assertThat(pass.run(Optional.empty()).waiting()).isEqualTo(1);
    JsonObject s = status(source);
    assertThat(s.getInteger("unstable_count")).isEqualTo(1);
    JsonObject listed = s.getJsonArray("unstable").getJsonObject(0);
    assertThat(listed.getString("path")).isEqualTo("Stalled.Download.mkv");
    assertThat(listed.getString("reason")).startsWith("still changing after 361 minutes: is a download stalled?");
    assertThat(store.all().await()).as("not rejected, not recorded at all").isEmpty();
    assertThat(file).exists();

    clock.advance(Duration.ofSeconds(10)); // unchanged for the stability window
    assertThat(pass.run(Optional.empty()).waiting()).isZero();
    assertThat(store.all().await()).singleElement().satisfies(v -> assertThat(v.state().db()).isEqualTo("discovered"));
    assertThat(rung).hasSize(1);
    assertThat(status(source).getJsonArray("unstable")).as("taken, so no longer listed").isEmpty();
  }

  @Test
  void aRestartDoesNotResetTheClockAndAFileThatStoppedMeanwhileIsNotReported() throws Exception {
    SourceConfig source = newSource();
    Path growing = source.path().resolve("growing.mkv");
    Path finished = source.path().resolve("finished while down.mkv");
    grow(growing);
    grow(finished);
    daemon(source).run(Optional.empty());
    minutesPass(200);
    grow(growing);
    grow(finished);
    daemon(source).run(Optional.empty()); // each daemon(...) is a new process: nothing kept in memory

    minutesPass(200);
    grow(growing);
    daemon(source).run(Optional.empty());
    JsonArray unstable = status(source).getJsonArray("unstable");
    assertThat(unstable).hasSize(1);
    assertThat(unstable.getJsonObject(0).getString("path")).isEqualTo("growing.mkv");
    assertThat(unstable.getJsonObject(0).getString("reason")).startsWith("still changing after 400 minutes");
  }

  @Test
  void aSourceWhoseMountIsDownKeepsItsSightings() throws Exception {
    SourceConfig plain = newSource();
    SourceConfig source = new SourceConfig(plain.name(), plain.path(), Optional.of(".vorg-mounted"));
    Path marker = Files.createFile(source.path().resolve(".vorg-mounted"));
    Path file = source.path().resolve("a.mkv");
    grow(file);
    SourcePass pass = daemon(source);
    pass.run(Optional.empty());
    Files.delete(marker); // the mount drops: nothing seen, nothing forgotten
    minutesPass(400);
    pass.run(Optional.empty());
    Files.createFile(marker);
    grow(file);
    pass.run(Optional.empty());
    assertThat(status(source).getJsonArray("unstable")).hasSize(1);
  }
}
