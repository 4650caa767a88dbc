package org.videoorganizer.daemon.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteLibraryPublisherTest {

  @TempDir Path tmp;
  SftpServerHarness box;
  RcdSupervisor rcd;
  Path library;
  Path staging;

  @BeforeEach
  void setUp() throws Exception {
    RcloneHarness.assumeRclone();
    box = new SftpServerHarness(tmp.resolve("sshd"));
    library = Files.createDirectories(tmp.resolve("library"));
    staging = Files.createDirectories(tmp.resolve("staging"));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (rcd != null) {
      rcd.close();
    }
    if (box != null) {
      box.close();
    }
  }

  RemoteLibraryPublisher publisher(RcloneSettings settings, Path key) throws IOException {
    Path conf = tmp.resolve("rclone.conf");
    Files.writeString(conf, box.remote("box", key));
    rcd = new RcdSupervisor(settings.withConfigFile(conf), tmp.resolve("rcd.log"));
    return new RemoteLibraryPublisher(rcd, "box:" + library, tmp.resolve("data/publish.journal"));
  }

  RemoteLibraryPublisher publisher() throws IOException {
    return publisher(RcloneSettings.defaults(), box.userKey);
  }

  Path staged(String name, byte[] content) throws IOException {
    Path p = staging.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.write(p, content);
  }

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  List<Path> leftovers() throws IOException {
    try (Stream<Path> s = Files.walk(library)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".vorg-")).toList();
    }
  }

  @Test
  void placesAVerifiedUploadAndOnlyThenRemovesTheStagingCopy() throws IOException {
    byte[] movie = bytes(200_000, 1);
    Path local = staged("Heat (1995).mkv", movie);
    Path nfo = staged("Heat (1995).nfo", "<movie/>".getBytes());
    try (RemoteLibraryPublisher p = publisher()) {
      PublishResult r = p.publish("heat", List.of(
          new RemoteLibraryPublisher.Item(local, "Movies/Heat (1995)/Heat (1995).mkv"),
          new RemoteLibraryPublisher.Item(nfo, "Movies/Heat (1995)/Heat (1995).nfo")));
      assertTrue(r.complete(), r.toString());
      assertTrue(rcd.client().stat("box:" + library, "Movies/Heat (1995)/Heat (1995).mkv").orElseThrow()
          .hashes().containsKey("md5"), "the server computed md5 over SSH, so the upload was hash-verified");
    }
    assertArrayEquals(movie, Files.readAllBytes(library.resolve("Movies/Heat (1995)/Heat (1995).mkv")));
    assertFalse(Files.exists(local));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void neverOverwritesAFileAlreadyInTheLibrary() throws IOException {
    Files.createDirectories(library.resolve("Movies"));
    Files.writeString(library.resolve("Movies/Heat.mkv"), "the user's own file");
    Path local = staged("Heat.mkv", bytes(1000, 2));
    try (RemoteLibraryPublisher p = publisher()) {
      PublishResult r = p.publish("heat", List.of(new RemoteLibraryPublisher.Item(local, "Movies/Heat.mkv")));
      assertEquals(PublishResult.State.CONFLICT, r.files().get(0).state());
    }
    assertEquals("the user's own file", Files.readString(library.resolve("Movies/Heat.mkv")));
    assertTrue(Files.exists(local), "the staging copy stays");
    assertEquals(List.of(), leftovers());
  }

  @Test
  void withoutAServerHashAFileOfTheSameSizeAtOurNameIsNeverTakenForOurs() throws IOException {
    Path conf = tmp.resolve("rclone.conf");
    Files.writeString(conf, box.remote("box", box.userKey).replace("md5sum_command = md5sum", "md5sum_command = none")
        .replace("sha1sum_command = sha1sum", "sha1sum_command = none"));
    rcd = new RcdSupervisor(RcloneSettings.defaults().withConfigFile(conf), tmp.resolve("rcd.log"));
    assertEquals(List.of(), rcd.client().hashTypes("box:" + library), "a server that computes no hash");
    byte[] theirs = bytes(20_000, 14);
    Files.createDirectories(library.resolve("Movies"));
    Files.write(library.resolve("Movies/Heat.mkv"), theirs);
    Path local = staged("Heat.mkv", bytes(20_000, 15)); // same size, other bytes
    try (RemoteLibraryPublisher p = new RemoteLibraryPublisher(rcd, "box:" + library, tmp.resolve("data/publish.journal"))) {
      PublishResult r = p.publish("heat", List.of(new RemoteLibraryPublisher.Item(local, "Movies/Heat.mkv")));
      assertEquals(PublishResult.State.CONFLICT, r.files().get(0).state(), r.toString());
    }
    assertArrayEquals(theirs, Files.readAllBytes(library.resolve("Movies/Heat.mkv")));
    assertTrue(Files.exists(local), "our copy is not deleted as if it were in the library");
  }

  @Test
  void aNameTakenByOtherBytesBetweenTheCheckAndTheRenameIsNeverOverwritten() throws IOException {
    Path local = staged("Heat.mkv", bytes(50_000, 12));
    try (RemoteLibraryPublisher p = publisher()) {
      p.hook(rel -> Files.writeString(library.resolve(rel), "put there by someone else a moment ago"));
      PublishResult r = p.publish("heat", List.of(new RemoteLibraryPublisher.Item(local, "Movies/Heat.mkv")));
      assertEquals(PublishResult.State.CONFLICT, r.files().get(0).state(), r.toString());
      assertTrue(r.files().get(0).detail().contains("between the check and the rename"), r.files().get(0).detail());
      assertFalse(r.complete());
    }
    assertEquals("put there by someone else a moment ago", Files.readString(library.resolve("Movies/Heat.mkv")));
    assertTrue(Files.exists(local), "our copy stays whole in staging, for review");
    assertEquals(List.of(), leftovers(), "our upload is not left under its temporary name");
    assertTrue(Files.readString(tmp.resolve("data/publish.journal")).contains("CONFLICT\theat\tMovies/Heat.mkv"));
  }

  @Test
  void aNameTakenBySameBytesBetweenTheCheckAndTheRenameCountsAsPublishedWithOneCopyKept() throws IOException {
    byte[] movie = bytes(50_000, 13);
    Path local = staged("Heat.mkv", movie);
    try (RemoteLibraryPublisher p = publisher()) {
      p.hook(rel -> Files.write(library.resolve(rel), movie));
      PublishResult r = p.publish("heat", List.of(new RemoteLibraryPublisher.Item(local, "Movies/Heat.mkv")));
      assertEquals(PublishResult.State.ALREADY_THERE, r.files().get(0).state(), r.toString());
      assertTrue(r.files().get(0).detail().contains("same bytes"), r.files().get(0).detail());
      assertTrue(r.complete());
    }
    assertArrayEquals(movie, Files.readAllBytes(library.resolve("Movies/Heat.mkv")));
    assertFalse(Files.exists(local), "one copy kept: the library's");
    assertEquals(List.of(), leftovers());
    assertTrue(Files.readString(tmp.resolve("data/publish.journal")).contains("SAME\theat\tMovies/Heat.mkv"));
  }

  static final List<String> DVD = List.of("VIDEO_TS.IFO", "VIDEO_TS.BUP", "VTS_01_0.IFO", "VTS_01_0.BUP", "VTS_01_1.VOB",
      "VTS_01_2.VOB", "VIDEO_TS.nfo");

  List<RemoteLibraryPublisher.Item> dvd(String movieDir, long seed) throws IOException {
    List<RemoteLibraryPublisher.Item> items = new java.util.ArrayList<>();
    for (String name : DVD) {
      Path local = staged(movieDir + "/VIDEO_TS/" + name, bytes(name.endsWith(".VOB") ? 300_000 : 4_000, seed++));
      items.add(new RemoteLibraryPublisher.Item(local, movieDir + "/VIDEO_TS/" + name));
    }
    items.add(new RemoteLibraryPublisher.Item(staged(movieDir + "/poster.jpg", bytes(2_000, seed)), movieDir + "/poster.jpg"));
    return items;
  }

  @Test
  void aDiscFolderIsUploadedWholeUnderATemporaryNameVerifiedAndMovedIntoPlaceAtOnce() throws IOException {
    List<RemoteLibraryPublisher.Item> items = dvd("Movies/Alien (1979)", 40);
    Map<String, byte[]> staged = new java.util.HashMap<>();
    for (RemoteLibraryPublisher.Item i : items) {
      staged.put(i.libraryPath(), Files.readAllBytes(i.local()));
    }
    List<String> atMove = new java.util.ArrayList<>();
    List<Object> folderInode = new java.util.ArrayList<>();
    try (RemoteLibraryPublisher p = publisher()) {
      p.hook(rel -> {
        if (!rel.endsWith("/VIDEO_TS")) {
          return; // the poster beside it, published alone after the folder
        }
        assertFalse(Files.exists(library.resolve(rel)), "nothing of the disc under its final name before the move");
        try (Stream<Path> s = Files.walk(library.resolve("Movies/Alien (1979)"))) {
          s.filter(Files::isRegularFile).forEach(f -> atMove.add(library.relativize(f).toString()));
        }
        try (Stream<Path> s = Files.list(library.resolve("Movies/Alien (1979)"))) {
          Path tmpDir = s.filter(f -> f.getFileName().toString().endsWith("VIDEO_TS.part")).findFirst().orElseThrow();
          folderInode.add(Files.getAttribute(tmpDir, "unix:ino"));
        }
      });
      PublishResult r = p.publish("video-9", items);
      assertTrue(r.complete(), r.toString());
      assertEquals(PublishResult.State.PLACED, r.files().get(0).state());
      assertTrue(r.files().get(0).detail().contains("with its disc folder"), r.files().get(0).detail());
    }
    assertEquals(DVD.size(), atMove.stream().filter(f -> f.contains("/.vorg-") && f.contains("VIDEO_TS.part/")).count(),
        "every disc file waited in the one temporary folder: " + atMove);
    assertEquals(folderInode.getFirst(), Files.getAttribute(library.resolve("Movies/Alien (1979)/VIDEO_TS"), "unix:ino"),
        "the temporary folder itself was renamed into place (one server-side move, not file by file)");
    for (RemoteLibraryPublisher.Item i : items) {
      assertArrayEquals(staged.get(i.libraryPath()), Files.readAllBytes(library.resolve(i.libraryPath())), i.libraryPath());
      assertFalse(Files.exists(i.local()), "staged copy gone once placed: " + i.local());
    }
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aDiscFolderWhoseNameIsTakenByAnotherDiscIsNeitherMergedNorOverwritten() throws IOException {
    Path theirs = library.resolve("Movies/Alien (1979)/VIDEO_TS/VTS_01_1.VOB");
    Files.createDirectories(theirs.getParent());
    Files.writeString(theirs, "another rip");
    List<RemoteLibraryPublisher.Item> items = dvd("Movies/Alien (1979)", 60);
    try (RemoteLibraryPublisher p = publisher()) {
      PublishResult r = p.publish("video-10", items);
      assertFalse(r.complete());
      assertTrue(r.files().stream().limit(DVD.size()).allMatch(f -> f.state() == PublishResult.State.CONFLICT), r.toString());
    }
    try (Stream<Path> s = Files.list(theirs.getParent())) {
      assertEquals(List.of("VTS_01_1.VOB"), s.map(f -> f.getFileName().toString()).toList(), "nothing of ours merged in");
    }
    assertEquals("another rip", Files.readString(theirs));
    assertTrue(items.stream().limit(DVD.size()).allMatch(i -> Files.exists(i.local())), "the staged disc stays whole");
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aDiscFolderCutMidUploadIsResumedWholeNeverHalfPlaced() throws Exception {
    List<RemoteLibraryPublisher.Item> items = new java.util.ArrayList<>();
    Map<String, byte[]> content = new java.util.HashMap<>();
    long seed = 70;
    for (String name : List.of("VIDEO_TS.IFO", "VTS_01_1.VOB", "VTS_01_2.VOB", "VTS_01_0.IFO")) {
      String rel = "Movies/Ronin (1998)/VIDEO_TS/" + name;
      byte[] b = bytes(name.endsWith(".VOB") ? 3_000_000 : 4_000, seed++);
      content.put(rel, b);
      items.add(new RemoteLibraryPublisher.Item(staged(rel, b), rel));
    }
    try (RemoteLibraryPublisher p = publisher(RcloneSettings.defaults().withBwlimit("2M"), box.userKey)) {
      CompletableFuture<PublishResult> run = CompletableFuture.supplyAsync(() -> {
        try {
          return p.publish("ronin", items);
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      for (int i = 0; i < 400 && !uploading("VTS_01_1.VOB", 100_000); i++) {
        Thread.sleep(25);
      }
      assertTrue(uploading("VTS_01_1.VOB", 100_000), "the first VOB never started uploading");
      box.kill();
      PublishResult cut = run.get();
      assertFalse(cut.complete(), cut.toString());
      assertFalse(Files.exists(library.resolve("Movies/Ronin (1998)/VIDEO_TS")), "no half disc under the final name");
      box.start();
      List<PublishResult> resumed = p.recover();
      assertEquals(1, resumed.size());
      assertTrue(resumed.get(0).complete(), resumed.toString());
      assertEquals(items.size(), resumed.get(0).files().size(), "the whole disc was resumed: " + resumed);
    }
    for (Map.Entry<String, byte[]> f : content.entrySet()) {
      assertArrayEquals(f.getValue(), Files.readAllBytes(library.resolve(f.getKey())), f.getKey());
    }
    try (Stream<Path> s = Files.walk(library)) {
      assertEquals(List.of(), s.filter(f -> f.toString().contains("/.vorg-")).toList(), "no temporary folder left");
    }
  }

  private boolean uploading(String name, long over) throws IOException {
    if (!Files.isDirectory(library)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(library)) {
      return s.anyMatch(f -> f.toString().contains("/.vorg-") && f.getFileName().toString().equals(name) && size(f) > over);
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException gone) {
      return 0;
    }
  }

  @Test
  void resumesAfterTheServerIsKilledMidUpload() throws Exception {
    byte[] movie = bytes(6_000_000, 3);
    Path local = staged("Big.mkv", movie);
    try (RemoteLibraryPublisher p = publisher(RcloneSettings.defaults().withBwlimit("2M"), box.userKey)) {
      CompletableFuture<PublishResult> run = CompletableFuture.supplyAsync(() -> {
        try {
          return p.publish("big", List.of(new RemoteLibraryPublisher.Item(local, "Movies/Big.mkv")));
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      waitForTemporary();
      box.kill();
      PublishResult cut = run.get();
      assertEquals(PublishResult.State.FAILED, cut.files().get(0).state(), cut.toString());
      assertTrue(Files.exists(local), "the staging copy stays while the upload is not placed");
      assertFalse(Files.exists(library.resolve("Movies/Big.mkv")), "no half file under the final name");
      box.start();
      List<PublishResult> resumed = p.recover();
      assertEquals(1, resumed.size());
      assertTrue(resumed.get(0).complete(), resumed.toString());
    }
    assertArrayEquals(movie, Files.readAllBytes(library.resolve("Movies/Big.mkv")));
    assertFalse(Files.exists(local));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void undoRemovesTheTemporariesAndKeepsTheStagingCopy() throws Exception {
    Path local = staged("Big.mkv", bytes(6_000_000, 4));
    try (RemoteLibraryPublisher p = publisher(RcloneSettings.defaults().withBwlimit("2M"), box.userKey)) {
      CompletableFuture<PublishResult> run = CompletableFuture.supplyAsync(() -> {
        try {
          return p.publish("big", List.of(new RemoteLibraryPublisher.Item(local, "Movies/Big.mkv")));
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      waitForTemporary();
      box.kill();
      run.get();
      box.start();
      p.undo("big");
      assertEquals(List.of(), p.recover(), "nothing unfinished after undo");
    }
    assertTrue(Files.exists(local));
    assertFalse(Files.exists(library.resolve("Movies/Big.mkv")));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aRefusedKeyIsReportedAsAuthenticationAndNothingMoves() throws Exception {
    Path otherKey = tmp.resolve("other_key");
    new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()).start().waitFor();
    Path local = staged("Heat.mkv", bytes(1000, 5));
    try (RemoteLibraryPublisher p = publisher(RcloneSettings.defaults(), otherKey)) {
      PublishResult r = p.publish("heat", List.of(new RemoteLibraryPublisher.Item(local, "Movies/Heat.mkv")));
      assertEquals(PublishResult.State.FAILED, r.files().get(0).state());
      assertTrue(r.files().get(0).detail().contains("AUTH_REFUSED"), r.files().get(0).detail());
    }
    assertTrue(Files.exists(local));
  }

  void waitForTemporary() throws Exception {
    for (int i = 0; i < 200; i++) {
      if (Files.exists(library.resolve("Movies")) && !leftovers().isEmpty() && Files.size(leftovers().get(0)) > 100_000) {
        return;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the upload never started: " + leftovers());
  }

  @Test
  void aFullRemoteDiskFailsTheUploadLeavingTheStagingCopyAndNoTemporary() throws Exception {
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", library.toString())
        .redirectErrorStream(true).start();
    mount.getInputStream().readAllBytes();
    org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs (not root)");
    try {
      Path local = staged("Big.mkv", bytes(4_000_000, 9));
      try (RemoteLibraryPublisher p = publisher()) {
        PublishResult r = p.publish("big", List.of(new RemoteLibraryPublisher.Item(local, "Big.mkv")));
        assertEquals(PublishResult.State.FAILED, r.files().get(0).state(), r.toString());
        assertTrue(r.files().get(0).detail().toLowerCase().contains("space")
            || r.files().get(0).detail().toLowerCase().contains("failure"), r.files().get(0).detail());
        p.undo("big");
      }
      assertTrue(Files.exists(local), "the staging copy stays");
      assertFalse(Files.exists(library.resolve("Big.mkv")));
      assertEquals(List.of(), leftovers());
    } finally {
      rcd.close(); // sessions on the mount end before it is unmounted
      rcd = null;
      box.close();
      box = null;
      new ProcessBuilder("umount", "-l", library.toString()).start().waitFor();
    }
  }
}
