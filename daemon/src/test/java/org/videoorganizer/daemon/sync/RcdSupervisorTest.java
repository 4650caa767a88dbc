package org.videoorganizer.daemon.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RcdSupervisorTest {

  @TempDir Path tmp;

  @Test
  void startsOnLoopbackAndListsTheUsersRemotes() throws Exception {
    try (RcloneHarness h = new RcloneHarness(tmp, RcloneHarness.localRemote("cloud"))) {
      assertEquals(java.util.List.of("cloud"), h.rcd.client().listRemotes());
      assertTrue(RcdSupervisor.atLeast(h.rcd.client().version(), RcloneSettings.MIN_VERSION));
    }
  }

  @Test
  void restartsRcdAfterItIsKilled() throws Exception {
    try (RcloneHarness h = new RcloneHarness(tmp, RcloneHarness.localRemote("cloud"))) {
      h.rcd.client();
      long first = h.rcd.pid();
      ProcessHandle rcd = ProcessHandle.of(first).orElseThrow();
      rcd.destroyForcibly();
      rcd.onExit().get();
      assertEquals(java.util.List.of("cloud"), h.rcd.client().listRemotes());
      assertEquals(2, h.rcd.starts());
      assertNotEquals(first, h.rcd.pid());
    }
  }

  @Test
  void aMissingRcloneBinarySaysToInstallIt() {
    RcdSupervisor rcd = new RcdSupervisor(RcloneSettings.defaults().withBinary("/nonexistent/rclone"), tmp.resolve("log"));
    RcloneProblem p = assertThrows(RcloneProblem.class, rcd::client);
    assertEquals(RcloneProblem.Kind.MISSING, p.kind());
    assertTrue(p.getMessage().contains("install rclone"), p.getMessage());
  }

  @Test
  void versionsOlderThanDebians160AreRefused() {
    assertTrue(RcdSupervisor.atLeast(new int[] {1, 60, 1}, RcloneSettings.MIN_VERSION));
    assertTrue(RcdSupervisor.atLeast(new int[] {2, 0, 0}, RcloneSettings.MIN_VERSION));
    assertFalse(RcdSupervisor.atLeast(new int[] {1, 59, 9}, RcloneSettings.MIN_VERSION));
  }

  @Test
  void rcloneErrorsAreClassifiedForTheStatus() {
    assertEquals(RcloneProblem.Kind.REMOTE_NOT_CONFIGURED, RcloneProblem.classify("didn't find section in config file"));
    assertEquals(RcloneProblem.Kind.AUTH_REFUSED, RcloneProblem.classify(
        "couldn't connect SSH: ssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey]"));
    assertEquals(RcloneProblem.Kind.AUTH_REFUSED, RcloneProblem.classify("oauth2: cannot fetch token: 400 Bad Request invalid_grant"));
    assertEquals(RcloneProblem.Kind.UNREACHABLE, RcloneProblem.classify("dial tcp 127.0.0.1:2222: connect: connection refused"));
  }
}
