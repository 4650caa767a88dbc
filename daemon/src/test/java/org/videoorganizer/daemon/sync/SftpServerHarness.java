package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's OpenSSH server on a spare loopback port with throwaway host and user keys, serving
 * SFTP and a shell (so rclone can run md5sum, as on a storage box). It can be killed with every
 * session it serves, to cut a transfer, and started again on the same port.
 */
final class SftpServerHarness implements AutoCloseable {

  final Path dir;
  final Path userKey;
  final int port;
  private Process sshd;

  SftpServerHarness(Path dir) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "openssh-server is not installed");
    this.dir = Files.createDirectories(dir);
    this.userKey = dir.resolve("user_key");
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString());
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", userKey.toString());
    Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
    this.port = freePort();
    Files.writeString(dir.resolve("sshd_config"), String.join("\n",
        "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"),
        "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PidFile " + dir.resolve("sshd.pid"),
        "StrictModes no", "PasswordAuthentication no", "PermitRootLogin prohibit-password",
        "UsePAM no", "Subsystem sftp /usr/lib/openssh/sftp-server", "MaxStartups 100",
        // The session's shell (which runs md5sum for rclone) gets an empty home: the real one's
        // startup files are not ours to run, and on these machines root's .bashrc starts pyenv,
        // whose rehash lock, left behind when a test kills the server, made every hash wait 60 s.
        "SetEnv HOME=" + Files.createDirectories(dir.resolve("home")), ""));
    Files.createDirectories(Path.of("/run/sshd"));
    start();
  }

  /** An rclone.conf section for this server; {@code key} may be a key the server refuses. */
  String remote(String name, Path key) {
    return "[" + name + "]\ntype = sftp\nhost = 127.0.0.1\nport = " + port + "\nuser = "
        + System.getProperty("user.name") + "\nkey_file = " + key + "\nshell_type = unix\n"
        + "md5sum_command = md5sum\nsha1sum_command = sha1sum\n";
  }

  void start() throws IOException, InterruptedException {
    sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.log").toFile()))
        .start();
    for (int i = 0; i < 100; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IOException("sshd did not listen on " + port + ": " + Files.readString(dir.resolve("sshd.log")));
  }

  /** Kills sshd and every session it serves, as a dropped connection or a crashed server would. */
  void kill() throws InterruptedException {
    List<ProcessHandle> all = sshd.descendants().toList();
    sshd.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    sshd.waitFor(10, TimeUnit.SECONDS);
    for (ProcessHandle h : all) {
      h.onExit().join();
    }
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (sshd != null) {
      kill();
    }
  }
}
