package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in cloud remote: {@code rclone serve sftp} over a local folder on a loopback port. It
 * gives md5 and sha1 hashes in listings, as Drive gives md5, can be slowed ({@code --bwlimit}),
 * and killed and started again to cut a transfer.
 */
final class CloudServeHarness implements AutoCloseable {

  final Path root;
  final int port;
  private final String bwlimit;
  private final Path log;
  private Process serve;

  CloudServeHarness(Path root, String bwlimit, Path log) throws IOException, InterruptedException {
    RcloneHarness.assumeRclone();
    this.root = root;
    this.bwlimit = bwlimit;
    this.log = log;
    try (ServerSocket s = new ServerSocket(0)) {
      this.port = s.getLocalPort();
    }
    start();
  }

  /** The rclone.conf section that reaches this server. */
  String remote(String name) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("rclone", "obscure", "throwaway").start();
    String pass = new String(p.getInputStream().readAllBytes()).trim();
    p.waitFor();
    return "[" + name + "]\ntype = sftp\nhost = 127.0.0.1\nport = " + port + "\nuser = cloud\npass = " + pass
        + "\nshell_type = unix\nmd5sum_command = md5sum\nsha1sum_command = sha1sum\n";
  }

  void start() throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("rclone", "serve", "sftp", root.toString(),
        "--addr", "127.0.0.1:" + port, "--no-auth", "--config", "/dev/null"));
    if (bwlimit != null) {
      cmd.addAll(List.of("--bwlimit", bwlimit));
    }
    serve = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    for (int i = 0; i < 200; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(25);
      }
    }
    throw new IOException("rclone serve sftp did not listen on " + port);
  }

  void kill() throws InterruptedException {
    serve.destroyForcibly();
    serve.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
