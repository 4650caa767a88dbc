package org.videoorganizer.daemon.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds or starts the servers the tests use, once per JVM. */
public final class Servers {

  private static String pgAdminUrl;
  private static Optional<String> redisUrl;

  private Servers() {}

  /** A URL of a database the tests may create databases from. */
  public static synchronized String postgresAdminUrl() throws IOException {
    if (pgAdminUrl == null) {
      pgAdminUrl = findPostgres();
    }
    return pgAdminUrl;
  }

  public static synchronized Optional<String> redisUrl() throws IOException {
    if (redisUrl == null) {
      redisUrl = findRedis();
    }
    return redisUrl;
  }

  /** postgresql://user@host:port/db -> jdbc:postgresql://host:port/db?user=user */
  public static String jdbc(String url) {
    URI uri = URI.create(url);
    String user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo();
    return "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath() + "?user=" + user;
  }

  private static String findPostgres() throws IOException {
    String configured = System.getenv("VORG_TEST_PG_URL");
    if (configured != null && !configured.isBlank() && !configured.equals("embedded")) {
      return configured;
    }
    if (configured == null && listening(5432)) {
      return "postgresql://postgres@127.0.0.1:5432/postgres";
    }
    Path dir = Files.createTempDirectory("vorg-test-pg");
    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
        .setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        pg.close();
      } catch (IOException e) {
        // the JVM is ending; nothing left to tell
      }
    }));
    return "postgresql://postgres@localhost:" + pg.getPort() + "/postgres";
  }

  private static Optional<String> findRedis() throws IOException {
    String configured = System.getenv("VORG_TEST_REDIS_URL");
    if (configured != null && !configured.isBlank() && !configured.equals("spawn")) {
      return configured.equals("none") ? Optional.empty() : Optional.of(configured);
    }
    if (configured == null && redisPing(6379)) {
      return Optional.of("redis://127.0.0.1:6379");
    }
    return RedisProcess.start().map(p -> "redis://127.0.0.1:" + p);
  }

  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean redisPing(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 300);
      s.setSoTimeout(1000);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[7];
      int n = in.readNBytes(buf, 0, 7);
      return new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
