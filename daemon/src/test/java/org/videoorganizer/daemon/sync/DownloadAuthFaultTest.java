package org.videoorganizer.daemon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Credentials refused on the download side, against Debian's OpenSSH on loopback: a key the
 * server never accepted, and a key revoked between the listing and the copies (an expired
 * token). Either way the status says AUTH_REFUSED with what to do, nothing is half-staged, the
 * cloud files are untouched, and once the credentials work again everything comes over.
 */
@ExtendWith(TestServices.class)
class DownloadAuthFaultTest {

  @TempDir Path dir;
  SftpServerHarness sftp;
  RcdSupervisor rcd;

  @AfterEach
  void tearDown() throws Exception {
    if (rcd != null) {
      rcd.close();
    }
    if (sftp != null) {
      sftp.close();
    }
  }

  Path cloudFolder() throws Exception {
    sftp = new SftpServerHarness(dir.resolve("sshd"));
    Path root = Files.createDirectories(dir.resolve("cloud"));
    RemoteSourceDaemonTest.write(root.resolve("Ronin (1998).mkv"), 200_000, 1);
    RemoteSourceDaemonTest.write(root.resolve("Alien (1979).mkv"), 210_000, 2);
    return root;
  }

  List<Path> staged() throws Exception {
    Path s = dir.resolve("data/staging");
    if (!Files.exists(s)) {
      return List.of();
    }
    try (Stream<Path> w = Files.walk(s)) {
      return w.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void aKeyTheServerRefusesShowsAuthRefusedWithHowToReconnect(TestServices.Env env) throws Exception {
    Path root = cloudFolder();
    Path wrongKey = dir.resolve("wrong_key");
    Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", wrongKey.toString())
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    Files.writeString(dir.resolve("rclone.conf"), sftp.remote("box", wrongKey));
    RemoteSourceDaemonTest t = new RemoteSourceDaemonTest();
    t.dir = dir;
    Daemon d = Daemon.start(t.config(env, "  - {name: box, remote: 'box:" + root + "'}\n", Map.of()));
    try {
      JsonObject sync = t.await(d, "reported the refused key",
          x -> "failed".equals(x.getJsonObject("daemon").getJsonObject("sync").getJsonObject("box").getString("state")))
          .getJsonObject("daemon").getJsonObject("sync").getJsonObject("box");
      assertThat(sync.getJsonObject("problem").getString("kind")).as(sync.encodePrettily()).isEqualTo("AUTH_REFUSED");
      assertThat(sync.getJsonObject("problem").getString("message")).contains("rclone config reconnect box:");
      assertThat(staged()).isEmpty();
      assertThat(root.resolve("Ronin (1998).mkv")).exists();
    } finally {
      d.stop();
    }
  }

  @Test
  void credentialsRevokedBetweenListingAndCopyLoseNothingAndTheNextRunBringsAllOver(TestServices.Env env) throws Exception {
    Path root = cloudFolder();
    Path conf = Files.writeString(dir.resolve("rclone.conf"), sftp.remote("box", sftp.userKey));
    rcd = new RcdSupervisor(RcloneSettings.defaults().withConfigFile(conf), dir.resolve("rcd.log"));
    Path authorized = sftp.dir.resolve("authorized_keys");
    String key = Files.readString(authorized);
    AtomicBoolean revoked = new AtomicBoolean();
    // Called per listed file before its copy: the first call is the moment after the listing.
    KnownHashes revokeOnFirstLook = (type, hash, size) -> {
      if (revoked.compareAndSet(false, true)) {
        try {
          Files.writeString(authorized, "");
          sftp.kill(); // rclone's pooled, already authenticated connections go with it
          sftp.start();
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
      return false;
    };
    SyncLedger none = new SyncLedger() {
      @Override public void recordDownloaded(String s, String r, RemoteFile f, Path p) { }
      @Override public void recordSkipped(String s, String r, RemoteFile f) { }
    };
    Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
    RemoteSource source = RemoteSource.of("box", "box:" + root);
    Path staging = dir.resolve("data/staging");
    SourceRun cut = new RemoteSourceRunner(rcd, staging, revokeOnFirstLook, none, later).run(source);

    assertThat(cut.downloaded()).isEmpty();
    assertThat(cut.failures()).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(RcloneProblem.Kind.AUTH_REFUSED));
    assertThat(cut.notTried()).as("the second copy is not tried once the remote refused the first").isEqualTo(1);
    assertThat(staged()).as("no partial left in staging").isEmpty();
    assertThat(root.resolve("Ronin (1998).mkv")).exists();
    assertThat(root.resolve("Alien (1979).mkv")).exists();
    SourceStatus status = new SourceStatus(source, Duration.ofHours(1));
    status.started(Instant.now());
    status.finished(cut, Instant.now());
    JsonObject json = status.json();
    assertThat(json.getString("state")).isEqualTo("partial");
    assertThat(json.getJsonObject("problem").getString("kind")).isEqualTo("AUTH_REFUSED");
    assertThat(json.getJsonArray("failures")).hasSize(1);
    assertThat(json.getJsonObject("last_run").getInteger("not_tried")).isEqualTo(1);

    Files.writeString(authorized, key); // reconnected
    SourceRun next = new RemoteSourceRunner(rcd, staging, (t, h, s) -> false, none, later).run(source);
    assertThat(next.downloaded()).hasSize(2);
    assertThat(Files.readAllBytes(staging.resolve("box/Ronin (1998).mkv")))
        .isEqualTo(Files.readAllBytes(root.resolve("Ronin (1998).mkv")));
  }
}
