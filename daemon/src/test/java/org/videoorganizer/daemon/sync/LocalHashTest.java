package org.videoorganizer.daemon.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our quickxor and dropbox hashes against rclone's own, on files around the algorithms' boundaries. */
class LocalHashTest {

  private static final int MIB4 = DropboxContentHash.BLOCK;
  private static final int[] SIZES = {0, 1, 159, 160, 161, 319, 320, MIB4 - 1, MIB4, MIB4 + 1, 10 * 1024 * 1024 + 12_345};

  @TempDir static Path dir;

  @BeforeAll
  static void files() throws IOException {
    RcloneHarness.assumeRclone();
    Random random = new Random(16);
    for (int size : SIZES) {
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      Files.write(dir.resolve("f" + size), bytes);
    }
  }

  @Test
  void quickxorIsRclonesByteForByte() throws IOException, InterruptedException {
    assertEquals(rcloneHashsum("quickxor"), ours("quickxor"));
  }

  @Test
  void dropboxIsRclonesByteForByte() throws IOException, InterruptedException {
    assertEquals(rcloneHashsum("dropbox"), ours("dropbox"));
  }

  /** What dedup compares with: the values of a listing through rcd, the way a source run reads them. */
  @Test
  void theNewTypesReadAsAnRcloneListingGivesThem(@TempDir Path rcDir) throws IOException {
    try (RcloneHarness rclone = new RcloneHarness(rcDir, RcloneHarness.localRemote("cloud"))) {
      List<RemoteFile> listed = rclone.rcd.client().listWithHashes("cloud:" + dir, "", List.of("quickxor", "dropbox"));
      assertEquals(SIZES.length, listed.size());
      for (RemoteFile f : listed) {
        assertEquals(Map.of("quickxor", f.hashes().get("quickxor"), "dropbox", f.hashes().get("dropbox")),
            LocalHash.of(dir.resolve(f.path()), List.of("quickxor", "dropbox")), f.path());
      }
    }
  }

  /** The file is read in 64 KiB buffers; any split of the bytes must give the same value. */
  @Test
  void anySplitOfTheInputGivesTheSameHash() throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve("f" + (MIB4 + 1)));
    for (MessageDigest d : new MessageDigest[] {new QuickXorHash(), new DropboxContentHash()}) {
      String whole = HexFormat.of().formatHex(d.digest(bytes));
      for (int chunk : new int[] {1, 7, 159, 161, 65_536, MIB4 - 3}) {
        for (int at = 0; at < bytes.length; at += chunk) {
          d.update(bytes, at, Math.min(chunk, bytes.length - at));
        }
        assertEquals(whole, HexFormat.of().formatHex(d.digest()), d.getAlgorithm() + " in chunks of " + chunk);
      }
    }
  }

  @Test
  void oneReadGivesEveryTypeAsAloneWouldAndHashesInOrder() throws IOException {
    Path f = dir.resolve("f161");
    Map<String, String> all = LocalHash.of(f, LocalHash.TYPES);
    assertEquals(LocalHash.TYPES, List.copyOf(all.keySet()));
    for (String type : LocalHash.TYPES) {
      assertEquals(LocalHash.of(f, type), all.get(type), type);
    }
  }

  private static Map<String, String> ours(String type) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (int size : SIZES) {
      out.put("f" + size, LocalHash.of(dir.resolve("f" + size), type));
    }
    return out;
  }

  private static Map<String, String> rcloneHashsum(String type) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("rclone", "hashsum", type, dir.toString(), "--config", "/dev/null");
    Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "rclone hashsum " + type + ": " + out);
    return out.lines().map(l -> l.split("  ", 2)).collect(Collectors.toMap(a -> a[1], a -> a[0], (a, b) -> a, TreeMap::new));
  }
}
