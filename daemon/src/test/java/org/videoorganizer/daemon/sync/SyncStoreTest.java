package org.videoorganizer.daemon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.SyncStore;
import org.videoorganizer.daemon.store.VideoStore;
import org.videoorganizer.daemon.testsupport.TestServices;

/** The daemon's {@link SyncStore} as the engine's ledger and known-hash lookup, on the test PostgreSQL. */
@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncStoreTest {

  private final Vertx vertx = Vertx.vertx();
  private Database db;
  private SyncStore store;
  @TempDir Path tmp;
  final Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);

  @BeforeAll
  void open(TestServices.Env env) {
    db = Database.open(vertx, env.pgUrl(), 2).await();
    store = new SyncStore(db.pool());
  }

  @AfterAll
  void close() {
    db.close().await();
    vertx.close().await();
  }

  static RemoteFile file(String path, long size, String md5) {
    return new RemoteFile(path, size, Instant.parse("2026-01-02T03:04:05.123456789Z"), Map.of("md5", md5, "sha1", "ab" + md5));
  }

  long video(String source, String rel, long size, String state) {
    new VideoStore(db.pool()).upsertSource(source, "/staging/" + source).await();
    return db.pool().preparedQuery("insert into videos (source, rel_path, display_path, size, mtime_ms, state, active) "
        + "values ($1, $2, $2, $3, 0, $4, false) returning id").execute(Tuple.of(source, rel, size, state)).await()
        .iterator().next().getLong(0);
  }

  @Test
  void aFileRecordedInPostgresIsSkippedByHashOnTheNextRunWithoutAByteTransferred() throws Exception {
    try (RcloneHarness rclone = new RcloneHarness(tmp, RcloneHarness.localRemote("cloud"))) {
      Path cloud = Files.createDirectories(tmp.resolve("cloud"));
      Files.writeString(cloud.resolve("a.mkv"), "movie bytes");
      RemoteSourceRunner runner = new RemoteSourceRunner(rclone.rcd, tmp.resolve("staging"), store, store, later);
      RemoteSource source = RemoteSource.of("pgdrive", "cloud:" + cloud);
      assertThat(runner.run(source).downloaded()).hasSize(1);
      assertThat(store.countsByState("pgdrive")).containsEntry("downloaded", 1L);
      Files.delete(tmp.resolve("staging/pgdrive/a.mkv")); // organized away into the library
      Files.copy(cloud.resolve("a.mkv"), cloud.resolve("the same under another name.mkv"));
      long before = rclone.rcd.client().stats().bytes();
      SourceRun second = runner.run(source);
      assertThat(second.skippedKnown()).isEqualTo(2);
      assertThat(rclone.rcd.client().stats().bytes()).as("nothing downloaded the second time").isEqualTo(before);
      assertThat(store.countsByState("pgdrive")).containsEntry("downloaded", 1L).containsEntry("skipped", 1L);
    }
  }

  @Test
  void aHashIsKnownOnlyWithItsTypeAndSizeAndNotAfterItsVideoVanished() {
    RemoteFile f = file("x/Heat (1995).mkv", 1000, "0123456789abcdef0123456789abcdef");
    store.recordDownloaded("known", "gd:", f, tmp.resolve("staging/known/x/Heat (1995).mkv"));
    assertThat(store.contains("md5", "0123456789ABCDEF0123456789ABCDEF", 1000)).isTrue();
    assertThat(store.contains("md5", "0123456789abcdef0123456789abcdef", 1001)).isFalse();
    assertThat(store.contains("quickxor", "0123456789abcdef0123456789abcdef", 1000)).isFalse();
    long id = video("known", "x/Heat (1995).mkv", 1000, "vanished");
    assertThat(store.linkStaged("known")).isEqualTo(1);
    assertThat(store.contains("md5", "0123456789abcdef0123456789abcdef", 1000))
        .as("the staged copy vanished before it reached the library: fetch it again").isFalse();
    db.pool().preparedQuery("update videos set state = 'organized' where id = $1").execute(Tuple.of(id)).await();
    assertThat(store.contains("md5", "0123456789abcdef0123456789abcdef", 1000)).isTrue();
  }

  @Test
  void aRemoteLibraryListingDropsWhatItNoLongerHoldsButKeepsWhatWasPlacedWhileItRan() {
    String box = "box:/media-" + System.nanoTime();
    store.recordRemoteLibraryFile(box, "Movies/Old.mkv", 700, Map.of("md5", "aaaa0000aaaa0000aaaa0000aaaa0000"));
    store.recordRemoteLibraryFile(box, "Movies/Kept.mkv", 800, Map.of("md5", "bbbb0000bbbb0000bbbb0000bbbb0000"));
    var listedFrom = store.now();
    store.recordRemoteLibraryFile(box, "Movies/New.mkv", 900, Map.of("md5", "cccc0000cccc0000cccc0000cccc0000"));
    // the listing, begun before New.mkv was placed, saw only Kept.mkv: Old.mkv was deleted on the box
    store.replaceRemoteLibrary(box, java.util.List.of(new RemoteFile("Movies/Kept.mkv", 800, Instant.now(), Map.of())),
        listedFrom);
    assertThat(store.contains("md5", "aaaa0000aaaa0000aaaa0000aaaa0000", 700)).as("gone from the box").isFalse();
    assertThat(store.contains("md5", "bbbb0000bbbb0000bbbb0000bbbb0000", 800)).isTrue();
    assertThat(store.contains("md5", "cccc0000cccc0000cccc0000cccc0000", 900)).as("placed while the listing ran").isTrue();
    assertThat(store.unhashedRemoteLibraryFiles(box, 800, "sha1")).containsExactly("Movies/Kept.mkv");
    assertThat(SyncStore.remotePath("box:", "a/b.mkv")).isEqualTo("box:a/b.mkv");
    assertThat(SyncStore.remotePath("box:media", "a/b.mkv")).isEqualTo("box:media/a/b.mkv");
  }

  @Test
  void aSkippedFileDoesNotMakeItsHashKnownByItself() {
    store.recordSkipped("skips", "gd:", file("a.mkv", 5, "ffff0000ffff0000ffff0000ffff0000"));
    assertThat(store.contains("md5", "ffff0000ffff0000ffff0000ffff0000", 5)).isFalse();
  }

  @Test
  void aLibraryFileHashedLocallyIsKnown() {
    long id = video("local", "Ronin.mkv", 77, "organized");
    db.pool().preparedQuery("insert into organized_files (video_id, library_path, content_hash, size) values ($1, $2, 'x', 77)")
        .execute(Tuple.of(id, "/lib/Movies/Ronin (1998)/Ronin (1998).mkv")).await();
    assertThat(store.unhashedLibraryFiles(77, "md5")).containsExactly(Path.of("/lib/Movies/Ronin (1998)/Ronin (1998).mkv"));
    store.recordLibraryHash(Path.of("/lib/Movies/Ronin (1998)/Ronin (1998).mkv"), 77, "md5", "AAAA");
    assertThat(store.unhashedLibraryFiles(77, "md5")).isEmpty();
    assertThat(store.contains("md5", "aaaa", 77)).isTrue();
  }

  @Test
  void onlyAnOrganizedVideoWithItsLibraryFileIsConfirmedAndJellyfinCanBeRequired() {
    RemoteFile f = file("Ronin (1998).mkv", 2000, "11112222333344445555666677778888");
    store.recordDownloaded("conf", "gd:", f, tmp.resolve("staging/conf/Ronin (1998).mkv"));
    long id = video("conf", "Ronin (1998).mkv", 2000, "identified");
    store.linkStaged("conf");
    assertThat(store.confirmedOriginals("conf", false)).isEmpty();
    db.pool().preparedQuery("update videos set state = 'organized' where id = $1").execute(Tuple.of(id)).await();
    assertThat(store.confirmedOriginals("conf", false)).as("no library file recorded").isEmpty();
    db.pool().preparedQuery("insert into organized_files (video_id, library_path, content_hash, size) values ($1, '/lib/r.mkv', 'x', 2000)")
        .execute(Tuple.of(id)).await();
    assertThat(store.confirmedOriginals("conf", false)).singleElement().satisfies(c -> {
      assertThat(c.videoId()).isEqualTo(id);
      assertThat(c.copied().sameAs(f)).as("the stored listing matches the remote's at copy time").isTrue();
    });
    assertThat(store.confirmedOriginals("conf", true)).as("Jellyfin has not confirmed it").isEmpty();
    db.pool().query("insert into jellyfin_confirmations (jellyfin_path, local_path, expected_tmdb_id, state, announced_at, "
        + "updated_at, note) values ('/media/r.mkv', '/lib/r.mkv', '8195', 'confirmed', now(), now(), '')").execute().await();
    assertThat(store.confirmedOriginals("conf", true)).as("Jellyfin confirmed it").singleElement()
        .satisfies(c -> assertThat(c.videoId()).isEqualTo(id));
    store.recordOriginal("conf", f, true, "deleted");
    assertThat(store.confirmedOriginals("conf", false)).isEmpty();
    assertThat(store.countsByState("conf")).containsEntry("original_deleted", 1L);
  }

  @Test
  void aStagedCopyIsCleanedOnceItsVideoIsInTheLibraryOrWithDeleteOriginalsOnceItsOriginalWasDealtWith() {
    RemoteFile a = file("a.mkv", 10, "aaaa0000aaaa0000aaaa0000aaaa0000");
    RemoteFile b = file("b.mkv", 20, "bbbb0000bbbb0000bbbb0000bbbb0000");
    store.recordDownloaded("clean", "gd:", a, tmp.resolve("staging/clean/a.mkv"));
    store.recordDownloaded("clean", "gd:", b, tmp.resolve("staging/clean/b.mkv"));
    video("clean", "a.mkv", 10, "identified");
    video("clean", "b.mkv", 20, "organized");
    store.linkStaged("clean");
    assertThat(staged("clean", false)).containsExactly("b.mkv");
    assertThat(staged("clean", true)).as("no original dealt with yet").isEmpty();
    store.recordOriginal("clean", a, false, "changed on the remote");
    assertThat(staged("clean", true)).containsExactly("a.mkv");
    assertThat(staged("clean", false)).as("a's video is not in the library").containsExactly("b.mkv");
    store.recordStagedCleaned("clean", new SyncStore.Staged("b.mkv", 20));
    assertThat(staged("clean", false)).isEmpty();
  }

  @Test
  void aStagedCopyIsCleanedAfterJellyfinConfirmedOrDisputedItsVideo() {
    for (String state : new String[] {"confirmed", "mismatched"}) {
      RemoteFile f = file(state + ".mkv", 30, "cccc0000cccc0000cccc0000cccc0000");
      store.recordDownloaded("verdict", "gd:", f, tmp.resolve("staging/verdict/" + state + ".mkv"));
      video("verdict", state + ".mkv", 30, state);
    }
    store.linkStaged("verdict");
    assertThat(staged("verdict", false)).containsExactly("confirmed.mkv", "mismatched.mkv");
  }

  private java.util.List<String> staged(String source, boolean afterOriginal) {
    return store.stagedToClean(source, afterOriginal).stream().map(SyncStore.Staged::path).toList();
  }
}
