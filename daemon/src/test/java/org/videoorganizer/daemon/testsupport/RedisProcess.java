package org.videoorganizer.daemon.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A throw-away {@code redis-server} from the PATH on a free port, stopped when the JVM ends. */
public final class RedisProcess {

  private final Process process;
  private final int port;

  private RedisProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts one for the whole JVM; empty when no redis-server is installed. */
  static Optional<Integer> start() throws IOException {
    return launch(Servers.freePort()).map(r -> {
      Runtime.getRuntime().addShutdownHook(new Thread(r::stop));
      return r.port;
    });
  }

  /** Starts one on the given port (scenario tests stop and restart it). */
  public static Optional<RedisProcess> launch(int port) throws IOException {
    Optional<Path> binary = onPath("redis-server");
    if (binary.isEmpty()) {
      return Optional.empty();
    }
    Process p = new ProcessBuilder(List.of(binary.get().toString(), "--port", Integer.toString(port),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    for (int i = 0; i < 100 && !Servers.redisPing(port); i++) {
      sleep(50);
    }
    if (!Servers.redisPing(port)) {
      p.destroyForcibly();
      throw new IOException("redis-server did not answer on port " + port);
    }
    return Optional.of(new RedisProcess(p, port));
  }

  public int port() {
    return port;
  }

  public void stop() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Optional<Path> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
